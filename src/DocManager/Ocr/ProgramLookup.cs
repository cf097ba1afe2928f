namespace DocManager.Ocr;

/// <summary>Finds an external program the way the contained runs will: in the programs folder first, then on PATH.</summary>
public static class ProgramLookup
{
    public static bool IsInstalled(string program, string programsFolder, string? path)
    {
        var folders = (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Prepend(programsFolder);
        return folders.Where(folder => folder.Length > 0).Any(folder => IsExecutable(Path.Combine(folder, program)));
    }

    private static bool IsExecutable(string file) =>
        File.Exists(file) && (OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
