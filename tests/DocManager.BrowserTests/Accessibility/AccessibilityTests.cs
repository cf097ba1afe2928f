using DocManager.BrowserTests.Infrastructure;
using DocManager.Tests.Infrastructure;

namespace DocManager.BrowserTests.Accessibility;

/// <summary>
/// axe-core finds no serious or critical accessibility problem on the main pages, in the light and
/// the dark theme. Lesser findings are written to the test output.
/// </summary>
public sealed class AccessibilityTests(Chromium chromium)
{
    public static TheoryData<string> Pages =>
    [
        "landing", "sign-in", "sign-in failed", "create account",
        "documents (empty)", "documents", "document details", "edit document", "new note",
        "upload", "search results", "settings", "profile",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoSeriousOrCriticalAxeViolation(string name)
    {
        await using var site = await Site.StartAsync(chromium);
        // axe-core is injected as a script of the test's own, which the app's CSP rightly refuses.
        var visitor = await site.NewVisitorAsync(javaScript: true, bypassCsp: true);
        await OpenAsync(site, visitor, name);
        var path = visitor.CurrentPath;

        var problems = new List<string>();
        foreach (var theme in new[] { "light", "dark" })
        {
            await visitor.Context.AddCookiesAsync([new Cookie { Name = "prefs", Value = $"theme={theme}&pageSize=50", Url = site.BaseAddress.ToString() }]);
            await visitor.Page.ReloadAsync();
            Assert.Equal(theme, await visitor.Page.GetAttributeAsync("html", "data-theme"));

            foreach (var violation in await Axe.RunAsync(visitor.Page))
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"{path} ({theme}) {violation}");
                if (violation.IsSeriousOrCritical)
                {
                    problems.Add($"{theme} theme: {violation}");
                }
            }
        }

        Assert.True(problems.Count == 0, $"axe-core on {path}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    /// <summary>Brings the visitor to the named page, with what it shows set up through the app's own forms.</summary>
    private static async Task OpenAsync(Site site, Visitor visitor, string name)
    {
        switch (name)
        {
            case "landing":
                await visitor.OpenAsync("/");
                break;
            case "sign-in":
                await visitor.OpenAsync("/login");
                break;
            case "sign-in failed":
                await visitor.OpenAsync("/login");
                await visitor.Page.GetByLabel("Username").FillAsync("nobody");
                await visitor.Page.GetByLabel("Password").FillAsync("wrong password");
                await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
                await visitor.Page.GetByRole(AriaRole.Alert).WaitForAsync();
                break;
            case "create account":
                await visitor.OpenAsync("/register");
                break;
            case "documents (empty)":
                await visitor.SignUpAsync();
                break;
            case "documents":
                await visitor.SignUpAsync();
                await DemoLibrary.SeedAsync(visitor);
                await visitor.OpenAsync("/documents");
                break;
            case "document details":
                var viewer = await site.NewUserAsync();
                await visitor.SignUpAsync();
                await visitor.UploadAsync([TestFile.Text("site-survey.txt", "Survey of the new site.\n")],
                    description: "Findings of the site survey, with photos to follow.", category: "report", tags: "survey, site", priority: "high");
                await visitor.OpenDocumentAsync("site-survey");
                await visitor.ShareThisDocumentAsync(viewer.UserName);
                break;
            case "edit document":
                await visitor.SignUpAsync();
                await visitor.CreateNoteAsync("Meeting notes", "Agenda and decisions.", tags: "meeting");
                await visitor.OpenAsync(visitor.CurrentPath + "/edit");
                break;
            case "new note":
                await visitor.SignUpAsync();
                await visitor.OpenAsync("/documents/new");
                break;
            case "upload":
                await visitor.SignUpAsync();
                await visitor.OpenAsync("/upload");
                break;
            case "search results":
                await visitor.SignUpAsync();
                await DemoLibrary.SeedAsync(visitor);
                await visitor.OpenAsync("/search?q=" + DemoLibrary.SearchWord);
                break;
            case "settings":
                await visitor.SignUpAsync();
                await visitor.OpenAsync("/settings");
                break;
            case "profile":
                await visitor.SignUpAsync();
                await DemoLibrary.SeedAsync(visitor);
                await visitor.OpenAsync("/profile");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "no such page in this test");
        }
    }
}
