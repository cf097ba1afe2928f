namespace DocManager.Extraction;

/// <summary>
/// Bounds on the work one file may cause (configuration section `Extraction`), so a hostile or
/// huge file cannot stall the queue or exhaust memory.
/// </summary>
public sealed class ExtractionLimits
{
    public const string Section = "Extraction";

    /// <summary>PDF pages and presentation slides read at most.</summary>
    public int MaxPages { get; set; } = 300;

    /// <summary>Characters of text kept per file.</summary>
    public int MaxCharacters { get; set; } = 500_000;

    /// <summary>Largest XML part of an Office file that is parsed (decompressed characters).</summary>
    public long MaxOfficePartCharacters { get; set; } = 20_000_000;

    /// <summary>Time one file may take before its job is failed (and retried later).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
