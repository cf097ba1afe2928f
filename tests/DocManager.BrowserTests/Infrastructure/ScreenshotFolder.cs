namespace DocManager.BrowserTests.Infrastructure;

/// <summary>
/// Where the browser tests save their pictures: the folder named by DOCMANAGER_SCREENSHOTS (relative
/// to the repository root, e.g. docs/screenshots), or else TestResults/screenshots beside the tests.
/// </summary>
public static class ScreenshotFolder
{
    /// <summary>The folder, created if missing.</summary>
    public static string Create()
    {
        var folder = Chosen();
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Chosen()
    {
        var chosen = Environment.GetEnvironmentVariable("DOCMANAGER_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(chosen))
        {
            return Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        }

        return Path.IsPathRooted(chosen) ? chosen : Path.Combine(RepositoryRoot(), chosen);
    }

    /// <summary>The folder holding DocManager.slnx, above the test binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DocManager.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("DOCMANAGER_SCREENSHOTS is relative, but no DocManager.slnx was found above " + AppContext.BaseDirectory);
    }
}
