using DocManager.Accounts;
using DocManager.Data;
using DocManager.Documents;
using DocManager.Notifications;
using DocManager.Search;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Sharing;

/// <summary>Read-only sharing: the owner adds or removes viewers; each new viewer is notified.</summary>
public sealed class ShareService(AppDbContext db, NotificationService notifications, ISearchIndex index, History.HistoryRecorder history, TimeProvider clock)
{
    /// <summary>Shares <paramref name="document"/> with the named user, or says why it cannot.</summary>
    public async Task<string?> ShareAsync(Document document, string ownerName, string? userName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return "Enter the username to share with";
        }

        if (UserNameRules.Check(userName) is not null)
        {
            return "No user with that username";
        }

        var normalized = User.Normalize(userName);
        var viewer = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (viewer is null)
        {
            return "No user with that username";
        }

        if (viewer.Id == document.OwnerId)
        {
            return "You own this document already";
        }

        if (await db.Shares.AnyAsync(s => s.DocumentId == document.Id && s.UserId == viewer.Id, cancellationToken))
        {
            return null; // already shared: nothing to do
        }

        db.Shares.Add(new Share { DocumentId = document.Id, UserId = viewer.Id, CreatedAt = clock.GetUtcNow().UtcDateTime });
        notifications.Add(viewer.Id, NotificationService.Shared, $"{ownerName} shared “{document.Title}” with you", $"/documents/{document.Id}");
        history.Record(document.Id, document.OwnerId, History.DocumentActions.Shared, new { user = new { viewer.Id, username = viewer.UserName } });
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear(); // shared by a simultaneous request: the outcome is the same
            return null;
        }

        // The new viewer can search it from now on.
        await index.UpdateAsync(document.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifications.PublishAsync(cancellationToken);
        return null;
    }

    public async Task<int> UnshareAsync(Document document, int userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.Shares.Where(s => s.DocumentId == document.Id && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            var username = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
            history.Record(document.Id, document.OwnerId, History.DocumentActions.Unshared, new { user = new { id = userId, username } });
            await db.SaveChangesAsync(cancellationToken);
        }

        await index.UpdateAsync(document.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    public Task<List<Viewer>> ViewersAsync(int documentId, CancellationToken cancellationToken) =>
        db.Shares.AsNoTracking().Where(s => s.DocumentId == documentId)
            .OrderBy(s => s.User.UserName)
            .Select(s => new Viewer(s.UserId, s.User.UserName, s.CreatedAt))
            .ToListAsync(cancellationToken);
}

public sealed record Viewer(int UserId, string UserName, DateTime SharedAt);
