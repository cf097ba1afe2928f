using DocManager.Accounts;
using DocManager.Documents;
using DocManager.Extraction;
using DocManager.Jobs;
using DocManager.Notifications;
using DocManager.Search;
using DocManager.Sessions;
using DocManager.Sharing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Data;

/// <summary>
/// The application's one database. Each provider has its own subclass only so that each keeps
/// its own migrations (see docs/decisions/0002-two-database-providers.md); the model is shared.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<ServerSession> Sessions => Set<ServerSession>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentTag> DocumentTags => Set<DocumentTag>();

    public DbSet<Versions.DocumentVersion> DocumentVersions => Set<Versions.DocumentVersion>();

    public DbSet<History.DocumentEvent> DocumentEvents => Set<History.DocumentEvent>();

    public DbSet<Share> Shares => Set<Share>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<DocumentText> DocumentTexts => Set<DocumentText>();

    public DbSet<Job> Jobs => Set<Job>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        modelBuilder.HasRowsBeforePaging();
    }
}
