using System.Globalization;
using DocManager.Previews;
using DocManager.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocManager.Tests.Previews;

/// <summary>
/// A folder of the test's own where shell scripts stand in for converters that misbehave (hang,
/// spin, hog memory, write timestamps), and where those scripts leave what the test observes:
/// the runner deletes its own workspace, so evidence has to be written outside it.
/// </summary>
public sealed class ProgramDoubles : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("docmanager-doubles-");

    public string Folder => folder.FullName;

    /// <summary>Writes an executable `sh` script; <c>{evidence}</c> in its body becomes this folder.</summary>
    public string Script(string name, string body)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body.Replace("{evidence}", Folder, StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows()) // the contained programs exist on Linux only
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    public string Evidence(string name) => File.ReadAllText(Path.Combine(Folder, name));

    /// <summary>Waits until each process whose pid a script wrote to an evidence file has ended.</summary>
    public async Task WaitUntilGoneAsync(params string[] pidFiles)
    {
        foreach (var pid in pidFiles.Select(file => int.Parse(Evidence(file), CultureInfo.InvariantCulture)))
        {
            await Processes.WaitUntilAsync($"process {pid} ends", TimeSpan.FromSeconds(5), () => Task.FromResult(IsGone(pid)));
        }
    }

    public static ContainedPrograms Runner(PreviewOptions options) =>
        new(Options.Create(options), NullLogger<ContainedPrograms>.Instance);

    /// <summary>Whether a process is gone (exited and reaped, or a zombie that can run no more).</summary>
    public static bool IsGone(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose() => folder.Delete(recursive: true);
}
