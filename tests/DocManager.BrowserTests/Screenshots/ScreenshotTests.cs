using DocManager.BrowserTests.Infrastructure;

namespace DocManager.BrowserTests.Screenshots;

/// <summary>
/// Full-page pictures of the main pages, for the README and for a person to look at, saved to the
/// <see cref="ScreenshotFolder"/>.
/// </summary>
public sealed class ScreenshotTests(Chromium chromium)
{
    [Fact]
    public async Task MainPages_AreCaptured()
    {
        var folder = ScreenshotFolder.Create();
        // With the Office converter, so the Word and Excel files show their first page too.
        await using var site = await Site.StartAsync(chromium, new Dictionary<string, string?> { ["Previews:Office"] = "soffice" });
        var maria = await site.NewVisitorAsync();
        var colleague = await site.NewVisitorAsync();
        var taken = new List<string>();

        async Task CaptureAsync(string name)
        {
            // Wait for web fonts and images, so that a picture is never taken half-drawn.
            await maria.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var path = Path.Combine(folder, name + ".png");
            await maria.Page.ScreenshotAsync(new() { Path = path, FullPage = true });
            taken.Add(path);
        }

        await maria.OpenAsync("/");
        await CaptureAsync("landing");

        await colleague.SignUpAsync("tom.becker");
        await maria.SignUpAsync("maria.lopez");
        await DemoLibrary.SeedAsync(maria);
        await maria.WaitForAllBackgroundWorkAsync();
        await maria.OpenDocumentAsync(DemoLibrary.Report);
        await maria.ShareThisDocumentAsync("tom.becker");
        await CaptureAsync("document");

        await maria.OpenAsync("/documents");
        await CaptureAsync("documents");

        // The viewer alone, as a person sees it on opening a document (not the whole page).
        await maria.OpenDocumentAsync(DemoLibrary.Report);
        await maria.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var viewer = Path.Combine(folder, "viewer.png");
        await maria.Page.ScreenshotAsync(new() { Path = viewer });
        taken.Add(viewer);

        // A phone: the list with its thumbnails at 375 px.
        await maria.Page.SetViewportSizeAsync(375, 740);
        await maria.OpenAsync("/documents");
        await CaptureAsync("documents-375");
        await maria.Page.SetViewportSizeAsync(1280, 800);

        await maria.OpenAsync("/upload");
        await CaptureAsync("upload");

        await maria.OpenAsync("/search?q=" + DemoLibrary.SearchWord);
        await CaptureAsync("search");

        await maria.OpenAsync("/settings");
        await CaptureAsync("settings");

        // The display preferences live in the plain `prefs` cookie, as the settings page would set it.
        await maria.Context.AddCookiesAsync([new Cookie { Name = "prefs", Value = "theme=dark&pageSize=50", Url = site.BaseAddress.ToString() }]);
        await maria.OpenAsync("/documents");
        Assert.Equal("dark", await maria.Page.GetAttributeAsync("html", "data-theme"));
        await CaptureAsync("documents-dark");

        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshots in {folder}");
        foreach (var path in taken)
        {
            var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
            Assert.True(bytes.Length > 10_000 && bytes.AsSpan(1, 3).SequenceEqual("PNG"u8), $"{path} is not a real picture");
        }
    }
}
