namespace DocManager.Previews;

/// <summary>How an external program ended.</summary>
public enum ProgramEnding
{
    Succeeded,

    /// <summary>It exited with a non-zero code, or was ended by a signal we did not send (a crash, a failed allocation).</summary>
    Failed,

    /// <summary>It ran past <see cref="PreviewOptions.Timeout"/> and its process group was killed.</summary>
    TimedOut,

    /// <summary>The kernel stopped it at its CPU-time limit (SIGXCPU, then SIGKILL).</summary>
    CpuLimitReached,
}

/// <summary>
/// What one contained run of an external program came to. Expected failures (bad input, a hang, a
/// limit) are results, not exceptions, so a background job can record them as a failed preview.
/// </summary>
public sealed record ProgramResult(ProgramEnding Ending, int? ExitCode, string Output, string Errors, TimeSpan Elapsed)
{
    public bool Succeeded => Ending == ProgramEnding.Succeeded;

    /// <summary>A short reason, fit for a log line or a document's failed status.</summary>
    public string Reason => Ending switch
    {
        ProgramEnding.Succeeded => "succeeded",
        ProgramEnding.TimedOut => $"killed after the {Elapsed.TotalSeconds:0.#} s timeout",
        ProgramEnding.CpuLimitReached => "stopped by its CPU-time limit",
        _ => ExitCode > 128
            ? $"ended by signal {ExitCode - 128}{FirstErrorLine()}"
            : $"exit code {ExitCode}{FirstErrorLine()}",
    };

    private string FirstErrorLine() => ErrorLine(_ => true);

    /// <summary>": " and the first line of standard error that <paramref name="wanted"/> accepts, cut to 200 characters; "" when none.</summary>
    public string ErrorLine(Func<string, bool> wanted)
    {
        var line = Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(wanted);
        return line is null ? "" : ": " + (line.Length > 200 ? line[..200] : line);
    }
}
