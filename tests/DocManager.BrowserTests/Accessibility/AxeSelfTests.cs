using DocManager.BrowserTests.Infrastructure;

namespace DocManager.BrowserTests.Accessibility;

/// <summary>The accessibility checks can fail: axe-core, as injected by the tests, does report real problems.</summary>
public sealed class AxeSelfTests(Chromium chromium)
{
    [Fact]
    public async Task Axe_ReportsAnUnlabelledFieldAndUnreadableText()
    {
        await using var site = await Site.StartAsync(chromium);
        var visitor = await site.NewVisitorAsync(bypassCsp: true);
        await visitor.OpenAsync("/login");
        await visitor.Page.EvaluateAsync("""
            () => {
              const main = document.querySelector('main');
              main.append(document.createElement('input'));
              const faint = document.createElement('p');
              faint.textContent = 'Barely readable';
              faint.style.color = '#eeeeee';
              main.append(faint);
            }
            """);

        var violations = await Axe.RunAsync(visitor.Page);

        Assert.Contains(violations, v => v.Id == "label" && v.IsSeriousOrCritical);
        Assert.Contains(violations, v => v.Id == "color-contrast" && v.IsSeriousOrCritical);
    }
}
