namespace DocManager.Previews;

/// <summary>
/// Previews and the external programs that make them (configuration section `Previews`, SPEC §6 and §8).
/// The limits exist so a hostile or huge file ends as a failed preview instead of slowing the site.
/// </summary>
public sealed class PreviewOptions
{
    public const string Section = "Previews";

    /// <summary>PDF pages rendered at most; later pages get no image.</summary>
    public int MaxPages { get; set; } = 50;

    /// <summary>Wall-clock time one external program may run before its whole process group is killed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The Office converter (`soffice`) to use; empty means Office files get no preview.</summary>
    public string Office { get; set; } = "";

    /// <summary>Whether Office files get previews on this instance.</summary>
    public bool OfficeConfigured => !string.IsNullOrWhiteSpace(Office);

    /// <summary>External programs running at once on this instance, so previews never starve the web requests of CPU.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Address space one program may map (prlimit --as); large enough for LibreOffice, small enough for a bomb to fail.</summary>
    public int MemoryLimitMegabytes { get; set; } = 2048;

    /// <summary>CPU time one program may use (prlimit --cpu); a spinning program is stopped even when the wall clock has not run out.</summary>
    public int CpuLimitSeconds { get; set; } = 60;

    /// <summary>A folder searched for the external programs before the app's PATH (a build of one's own; a test's doubles); empty for none.</summary>
    public string ProgramsFolder { get; set; } = "";

    /// <summary>Bytes of each of standard output and standard error kept; the rest is read and dropped so the program never blocks.</summary>
    public int MaxCapturedOutputBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Pixels (width × height, read from the header) above which an image is not decoded: 50 megapixels
    /// is 200 MB of RGBA, so one image's decoding stays bounded while any camera photo fits.
    /// </summary>
    public long MaxPixels { get; set; } = 50_000_000;
}
