namespace DocManager.Documents;

/// <summary>
/// SPEC §2 limits on what one user keeps (configuration section `Limits`), enforced by
/// <see cref="DocumentWriter"/> in the transaction that adds documents. The limits on one upload are
/// <see cref="Intake.UploadLimits"/>, in the same section.
/// </summary>
public sealed class DocumentLimits
{
    public const string Section = "Limits";

    public long QuotaBytes { get; set; } = 1024L * 1024 * 1024;

    public int MaxDocuments { get; set; } = 10_000;
}
