using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DocManager.Jobs;

/// <summary>
/// A unit of background work, durable in the database: written in the same transaction as the
/// change that needs it, so it survives restarts; claimed with a lease, so a crashed worker's job is
/// picked up again; retried with back-off; deleted when done.
/// </summary>
public sealed class Job
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    public int? DocumentId { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not run before this time (back-off after a failure).</summary>
    public DateTime RunAfter { get; set; }

    /// <summary>While set and in the future, a worker holds the job.</summary>
    public DateTime? LockedUntil { get; set; }

    public string? LockedBy { get; set; }

    public string? LastError { get; set; }

    /// <summary>Set when the job has failed for good; it is kept for operators to see, never run again.</summary>
    public DateTime? FailedAt { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> job)
    {
        job.Property(j => j.Kind).HasMaxLength(32);
        job.Property(j => j.LockedBy).HasMaxLength(64);
        job.Property(j => j.LastError).HasMaxLength(1000);
        job.HasIndex(j => new { j.FailedAt, j.RunAfter });
        job.HasIndex(j => j.DocumentId);
    }
}
