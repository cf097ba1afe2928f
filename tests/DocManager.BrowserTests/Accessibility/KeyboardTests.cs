using System.Text.Json;
using DocManager.BrowserTests.Infrastructure;
using DocManager.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DocManager.BrowserTests.Accessibility;

/// <summary>The pages work from the keyboard alone, and the focused element can always be seen.</summary>
public sealed class KeyboardTests(Chromium chromium)
{
    [Fact]
    public async Task SkipLink_IsTheFirstTabStop_AndTakesFocusToTheMainContent()
    {
        await using var site = await Site.StartAsync(chromium);
        var visitor = await site.NewUserAsync();
        await visitor.OpenAsync("/documents");

        await visitor.Page.Keyboard.PressAsync("Tab");
        var skip = visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await visitor.Page.Keyboard.PressAsync("Enter");

        await Expect(visitor.Page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
    }

    [Fact]
    public async Task SignIn_WithTheKeyboardAlone()
    {
        await using var site = await Site.StartAsync(chromium);
        var owner = await site.NewUserAsync();
        var visitor = await site.NewVisitorAsync();
        await visitor.OpenAsync("/login");

        // The username field has the focus as the page opens; Tab moves on to the password, Enter submits.
        await visitor.Page.Keyboard.TypeAsync(owner.UserName);
        await visitor.Page.Keyboard.PressAsync("Tab");
        await visitor.Page.Keyboard.TypeAsync(Visitor.Password);
        await visitor.Page.Keyboard.PressAsync("Enter");

        // THEN the list opens, and the header names the account now signed in
        await visitor.WaitForPathAsync("/documents");
        var account = visitor.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Navigation, new() { Name = "Account" });
        await Expect(account.GetByRole(AriaRole.Link, new() { Name = owner.UserName, Exact = true })).ToBeVisibleAsync();
        await Expect(account.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/documents")]
    [InlineData("/upload")]
    [InlineData("/settings")]
    public async Task EveryTabStop_ShowsAFocusRing(string path)
    {
        await using var site = await Site.StartAsync(chromium);
        var visitor = await site.NewUserAsync();
        await visitor.CreateNoteAsync("Focus ring check", tags: "focus");
        await visitor.OpenAsync(path);

        var seen = new List<string>();
        for (var stop = 0; stop < 40; stop++)
        {
            await visitor.Page.Keyboard.PressAsync("Tab");
            var focused = await visitor.Page.EvaluateAsync<JsonElement>("""
                () => {
                  const e = document.activeElement;
                  if (!e || e === document.body) return null;
                  const style = getComputedStyle(e);
                  // A date field's last tab stop is its calendar button, which the browser rings itself.
                  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                    || (e.type === 'date' && !e.matches(':focus-visible'));
                  const name = (e.getAttribute('aria-label') || e.labels?.[0]?.textContent || e.textContent || e.name || '').trim();
                  return { description: e.tagName.toLowerCase() + ' "' + name.slice(0, 40) + '"', ring };
                }
                """);
            if (focused.ValueKind == JsonValueKind.Null)
            {
                break; // past the last tab stop
            }

            var description = focused.GetProperty("description").GetString();
            Assert.True(focused.GetProperty("ring").GetBoolean(), $"{path}: tab stop {stop + 1}, {description}, shows no focus outline");
            seen.Add(description!);
        }

        Assert.True(seen.Count >= 5, $"{path}: only {seen.Count} tab stops: {string.Join(", ", seen)}");
    }
}
