using System.Text.Json;

namespace DocManager.BrowserTests.Infrastructure;

/// <summary>One rule axe-core found broken on a page, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Elements)
{
    public bool IsSeriousOrCritical => Impact is "serious" or "critical";

    public override string ToString() =>
        $"[{Impact}] {Id}: {Help}{string.Concat(Elements.Select(e => Environment.NewLine + "    " + e))}";
}

/// <summary>
/// Runs axe-core (vendored from npm under vendor/axe-core, copied beside the tests) in a page. The
/// script is added to the page by Playwright as a script element, which the app's CSP
/// (`script-src 'self'`) refuses: contexts that use this must be opened with BypassCSP.
/// </summary>
public static class Axe
{
    private static readonly string ScriptPath = Path.Combine(AppContext.BaseDirectory, "vendor", "axe-core", "axe.min.js");

    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        if (await page.EvaluateAsync<bool>("() => typeof window.axe === 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Path = ScriptPath });
        }

        // Every rule axe runs by default (WCAG 2.x A and AA, and its best practices).
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return results.violations.map(v => ({
                id: v.id,
                impact: v.impact ?? 'unknown',
                help: v.help,
                elements: v.nodes.map(n => n.target.join(' ') + ' → ' + (n.failureSummary ?? '').replaceAll('\n', ' ')),
              }));
            }
            """);
        return [.. violations.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!,
            [.. v.GetProperty("elements").EnumerateArray().Select(e => e.GetString()!)]))];
    }
}
