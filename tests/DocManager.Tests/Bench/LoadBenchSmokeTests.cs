using DocManager.Bench.Load;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Bench;

/// <summary>
/// The load benchmark (bench/load.sh) still works: its seeder fills a real server, each wrk script
/// signs in, sends its token and bodies and is answered without errors, every upload lands, and the
/// table is printed; its preview rows seed ready previews and answer. A check that the tool works, not a
/// timed assertion: no figure is compared.
/// Run alone, so its short bursts of load do not slow other tests.
/// </summary>
[Collection(nameof(LoadBenchSmokeTests))]
[CollectionDefinition(nameof(LoadBenchSmokeTests), DisableParallelization = true)]
public sealed class LoadBenchSmokeTests
{
    [Fact]
    public async Task ShortLoadRun_AgainstARealServer_AnswersEveryScriptAndLandsEveryUpload()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var app = await KestrelTestApp.StartAsync();
        var session = await Seeder.SeedAsync(app.BaseAddress, documents: 60, TextWriter.Null, cancellationToken);
        var disk = Directory.CreateTempSubdirectory("docmanager-disk-ceiling-");
        var log = new StringWriter();
        var options = new LoadOptions(app.BaseAddress, Path.Combine(RepositoryRoot(), "bench", "wrk"), TimeSpan.FromSeconds(1),
            Connections: 4, Threads: 1, DataDirectory: app.DataDirectory, DiskDirectory: disk.FullName);

        LoadResults results;
        try
        {
            results = await LoadRun.RunAsync(options, session, log, cancellationToken);
        }
        finally
        {
            disk.Delete(recursive: true);
        }

        var table = Report.Section(options, results, new ServerFigures(null, null, null, null), session.Documents, "smoke test");
        TestContext.Current.TestOutputHelper?.WriteLine(log + table);
        Assert.Null(results.UploadProblem);
        Assert.All(results.Runs, run => Assert.Equal((run.Name, 0L, 0L), (run.Name, run.StatusErrors, run.SocketErrors)));
        // Sign-ins hash a password on purpose and may all still be running after a second; every other row answered.
        Assert.All(results.Runs.Where(r => r.Name != LoadRun.Login), run => Assert.True(run.Requests > 0, $"{run.Name} answered no request"));
        Assert.Equal(
            [LoadRun.Documents, LoadRun.Search, LoadRun.Download, LoadRun.ApiDocuments, LoadRun.Upload, LoadRun.Login],
            results.Runs.Select(r => r.Name));
        Assert.Contains("| POST /upload (100 KiB) |", table, StringComparison.Ordinal);
        Assert.Contains("| uploads landed (rows, storage and files vs wrk's successes) | all |", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewRows_AgainstARealServer_SeedReadyPreviewsAndAnswerEveryRow()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var app = await KestrelTestApp.StartAsync();
        var log = new StringWriter();
        // Seeding waits until every preview is ready: it fails if one ends otherwise.
        var session = await PreviewSeeder.SeedAsync(app.BaseAddress, documents: 3, log, cancellationToken);
        var options = new LoadOptions(app.BaseAddress, Path.Combine(RepositoryRoot(), "bench", "wrk"), TimeSpan.FromSeconds(1), Connections: 4, Threads: 1);

        var results = await PreviewRun.RunAsync(options, session, timedRuns: 1, log, cancellationToken);

        var section = Report.PreviewSection(options, results, session, loadBefore: null, "smoke test");
        TestContext.Current.TestOutputHelper?.WriteLine(log + section);
        Assert.Equal(3, session.ThumbnailPaths.Count);
        Assert.Equal(session.ThumbnailBytes.Count, session.SameSizePaths.Count);
        Assert.All(results.Runs, run => Assert.Equal((run.Name, 0L, 0L), (run.Name, run.StatusErrors, run.SocketErrors)));
        Assert.All(results.Runs, run => Assert.True(run.Requests > 0, $"{run.Name} answered no request"));
        Assert.Equal(
            [PreviewRun.Thumbnails, PreviewRun.SameSizeDownloads, PreviewRun.ListWithThumbnails, PreviewRun.ListOfNotes],
            results.Runs.Select(r => r.Name));
        // Timed until ready; the run checks the PDF has 10 page images and text from its layer, the scan text read by OCR.
        Assert.Equal([PreviewRun.PdfPreview, PreviewRun.PdfText, PreviewRun.ScanPreview, PreviewRun.ScanText], results.Times.Select(t => t.Name));
        Assert.Contains("| background work, on the running server | median of 1 |", section, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DocManager.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (DocManager.slnx) was not found above the test binaries.");
    }
}
