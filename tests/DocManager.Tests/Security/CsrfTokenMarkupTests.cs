using AngleSharp.Html.Dom;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Security;

/// <summary>SPEC §3: every page offers scripts a token, and every form posts one.</summary>
public sealed class CsrfTokenMarkupTests
{
    public static TheoryData<string, bool> Pages => new()
    {
        { "/", false },
        { "/login", false },
        { "/register", false },
        { "/documents", true },
        { "/profile", true },
        { "/settings", true },
        { "/logout", true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_CarriesACsrfTokenMetaTagForScripts(string path, bool signedIn)
    {
        var page = await LoadAsync(path, signedIn);

        Assert.False(string.IsNullOrWhiteSpace(page.CsrfToken()), $"{path} has no csrf-token meta tag");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPostForm_CarriesTheHiddenAntiforgeryField(string path, bool signedIn)
    {
        var page = await LoadAsync(path, signedIn);

        foreach (var form in page.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
        {
            var token = form.Elements.OfType<IHtmlInputElement>().SingleOrDefault(input => input.Name == "__RequestVerificationToken");
            Assert.True(token is { Type: "hidden", Value.Length: > 0 }, $"the form posting to {form.Action} on {path} has no anti-forgery field");
        }
    }

    private static async Task<IHtmlDocument> LoadAsync(string path, bool signedIn)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();
        if (signedIn)
        {
            await browser.RegisterNewUserAsync();
        }

        return await browser.GetPageAsync(path);
    }
}
