using System.Diagnostics;
using System.Globalization;

namespace DocManager.Previews;

/// <summary>
/// A temporary folder where external programs run, one at a time per call of <see cref="RunAsync"/>,
/// each contained: its own session and process group (`setsid`), CPU-time and address-space limits
/// (`prlimit`), a lowered priority (`nice`), a minimal environment, a wall-clock timeout that kills
/// the whole group, and bounded output. The folder and everything in it is deleted on dispose.
/// Arguments are passed as a list, never through a shell; callers pass only file names inside the folder.
/// </summary>
public sealed partial class ProgramWorkspace : IAsyncDisposable
{
    // Lower than the web server's 0 so request handling wins the CPU when both want it.
    private const int Niceness = 10;

    // After the group is killed, how long the pipes may take to close (a child that left the group could hold them).
    private static readonly TimeSpan OutputDrainLimit = TimeSpan.FromSeconds(2);

    private readonly ContainedPrograms programs;
    private readonly DirectoryInfo folder;

    internal ProgramWorkspace(ContainedPrograms programs, DirectoryInfo folder)
    {
        this.programs = programs;
        this.folder = folder;
    }

    public string Folder => folder.FullName;

    /// <summary>A path inside the workspace for a file name the caller chose (never user text).</summary>
    public string PathOf(string fileName) => Path.Combine(Folder, fileName);

    /// <summary>Runs <paramref name="program"/> (a name found on PATH, or a full path) in the workspace.</summary>
    public async Task<ProgramResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var options = programs.Options;
        using var slot = await programs.TakeSlotAsync(cancellationToken);
        using var process = new Process { StartInfo = ContainedStart(program, arguments, options) };
        var clock = Stopwatch.StartNew();
        process.Start();
        var leader = process.Id;
        process.StandardInput.Close(); // the programs read files, never our input
        var output = new BoundedOutput(process.StandardOutput.BaseStream, options.MaxCapturedOutputBytes);
        var errors = new BoundedOutput(process.StandardError.BaseStream, options.MaxCapturedOutputBytes);
        var reading = Task.WhenAll(output.ReadToEndAsync(), errors.ReadToEndAsync());

        using var timeout = new CancellationTokenSource(options.Timeout);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(either.Token);
        }
        catch (OperationCanceledException)
        {
            KillGroup(process, leader);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        // The leader has exited; end whatever it left behind in its group before reading the last output.
        KillGroup(process, leader);
        await Task.WhenAny(reading, Task.Delay(OutputDrainLimit, CancellationToken.None));
        var result = new ProgramResult(Ending(process.ExitCode, timedOut), process.ExitCode, output.Text, errors.Text, clock.Elapsed);
        if (!result.Succeeded)
        {
            LogFailure(programs.Logger, program, result.Reason);
        }

        return result;
    }

    private static ProgramEnding Ending(int exitCode, bool timedOut) => (timedOut, exitCode) switch
    {
        (true, _) => ProgramEnding.TimedOut,
        (_, 0) => ProgramEnding.Succeeded,
        (_, 128 + 24) => ProgramEnding.CpuLimitReached, // SIGXCPU, sent at the soft CPU limit
        _ => ProgramEnding.Failed,
    };

    private ProcessStartInfo ContainedStart(string program, IReadOnlyList<string> arguments, PreviewOptions options)
    {
        // setsid, prlimit and nice each exec the next, so the program keeps the pid .NET started:
        // its exit code is ours to read and its pid is its process group's id.
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var cpu = options.CpuLimitSeconds;
        long memory = options.MemoryLimitMegabytes * 1024L * 1024L;
        string[] wrapper =
        [
            "prlimit",
            string.Create(CultureInfo.InvariantCulture, $"--cpu={cpu}:{cpu + 1}"), // soft limit SIGXCPU, hard SIGKILL a second later
            string.Create(CultureInfo.InvariantCulture, $"--as={memory}"),
            "--core=0", // a crashing converter must not write a core file of its whole address space
            "--",
            "nice", "-n", Niceness.ToString(CultureInfo.InvariantCulture),
            program,
        ];
        foreach (var argument in wrapper.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of the app's environment (connection strings, keys) reaches the program; HOME and
        // TMPDIR point into the workspace so whatever it writes is deleted with it.
        start.Environment.Clear();
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        start.Environment["PATH"] = options.ProgramsFolder.Length == 0 ? path : options.ProgramsFolder + Path.PathSeparator + path;
        start.Environment["HOME"] = Folder;
        start.Environment["TMPDIR"] = Folder;
        start.Environment["LANG"] = "C.UTF-8";
        return start;
    }

    private static void KillGroup(Process process, int leader)
    {
        ProcessGroup.Kill(leader);
        try
        {
            // Also children that started a session of their own: .NET walks the tree through /proc.
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited and reaped.
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            // A program may have made a folder unwritable; give ourselves the rights back and try again.
            foreach (var directory in folder.EnumerateDirectories("*", SearchOption.AllDirectories).Prepend(folder))
            {
                if (OperatingSystem.IsWindows())
                {
                    break; // No modes to restore; the programs run on Linux only (prlimit, setsid).
                }

                directory.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            }

            folder.Delete(recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Program} failed: {Reason}")]
    private static partial void LogFailure(ILogger logger, string program, string reason);
}
