using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Sweep;

/// <summary>
/// The route catalogue is the app's real list of routes: a new endpoint or page handler fails here
/// until it joins the catalogue (and with it the malformed-input sweep), and every catalogued route's
/// valid request works, so that what the sweep spoils is the only thing wrong with its requests.
/// </summary>
public sealed class RouteCatalogueTests
{
    [Fact]
    public async Task EveryRouteOfTheApp_IsInTheCatalogue_AndEveryCataloguedRouteExists()
    {
        await using var app = await TestApp.StartAsync();

        var routes = AppRoutes.Of(app.Instance).Keys.Order(StringComparer.Ordinal).ToList();
        var catalogued = RouteCatalogue.Routes.Select(r => r.Key).ToList();

        Assert.True(catalogued.Count == catalogued.Distinct().Count(), "the catalogue lists a route twice");
        var missing = routes.Except(catalogued).ToList();
        Assert.True(missing.Count == 0, "Add these routes to RouteCatalogue.Routes: " + string.Join(", ", missing));
        var stale = catalogued.Except(routes).ToList();
        Assert.True(stale.Count == 0, "The app has no such routes (remove them from RouteCatalogue.Routes): " + string.Join(", ", stale));
    }

    [Fact]
    public async Task EveryCataloguedRoute_AnswersItsValidRequest()
    {
        await using var app = await TestApp.StartAsync();
        var failures = new List<string>();

        foreach (var route in RouteCatalogue.Routes)
        {
            // A world of its own for each: the valid requests sign out, delete and unshare.
            await using var world = await SweepWorld.CreateAsync(app);
            var answer = await world.SendAsync(world.Valid(route));
            var expected = route.ValidStatus is { } status ? answer.Status == status : answer.Status is >= 200 and < 400;
            if (!expected)
            {
                failures.Add($"{route}: {answer}");
            }
        }

        Assert.True(failures.Count == 0, "Valid requests that failed:\n" + string.Join('\n', failures));
    }
}
