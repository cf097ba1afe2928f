using System.Net;
using DocManager.Tests.Infrastructure;
using Npgsql;

namespace DocManager.Tests.Errors;

/// <summary>SPEC §5: error pages say what went wrong in plain words and reveal nothing about the server.</summary>
public sealed class ErrorPageTests
{
    // Text that only appears in a page that leaks exception details, SQL or the program's files.
    private static readonly string[] Leaks =
        ["Exception", "Npgsql", "at DocManager", "at Microsoft", "StackTrace", ".cs:line", "SELECT ", " FROM ", "WHERE ", "wwwroot", "DocManager.dll"];

    [Fact]
    public async Task UnknownPath_AnswersTheFriendlyNotFoundPage()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent.Trim());
        AssertRevealsNothing(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), app.Environment);
    }

    [Fact]
    public async Task UnknownPath_AnswersNotFound_AlsoToAnonymousVisitors()
    {
        // Only pages that exist and need a user send visitors to sign in; nothing does not.
        await using var app = await TestApp.StartAsync();
        using var visitor = app.CreateBrowser();

        using var response = await visitor.GetAsync("/no/such/page");
        using var protectedPage = await visitor.GetAsync("/settings");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await response.ReadHtmlAsync()).QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, protectedPage.StatusCode);
    }

    [Fact]
    public async Task UnknownApiPath_AnswersAProblemJson404()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(problem.RootElement.TryGetProperty("exception", out _));
    }

    [Fact]
    public async Task ServerFailure_AnswersTheFriendly500Page_RevealingNoInternals()
    {
        // GIVEN a signed-in user (session in Redis) whose database then disappears
        await using var app = await TestApp.StartAsync(Backend.PostgresRedis);
        using var browser = await app.NewUserAsync();
        await TestServers.DropPostgresDatabaseAsync(app.Environment.PostgresConnectionString!);

        using var response = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Something went wrong", page.QuerySelector("h1")?.TextContent.Trim());
        // The exception handler clears the response before the error page; its protective headers come back.
        Assert.True(response.Headers.Contains("Content-Security-Policy"), "the 500 page has no Content-Security-Policy");
        AssertRevealsNothing(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), app.Environment);
    }

    [Fact]
    public async Task RefusedFormPost_AnswersTheFriendly400Page_EvenToAnonymousVisitors()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var response = await browser.PostFormAsync("/register", [new("username", Browser.NewUserName())]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("That request could not be processed", page.QuerySelector("h1")?.TextContent.Trim());
    }

    private static void AssertRevealsNothing(string body, TestEnvironment environment)
    {
        foreach (var leak in Leaks)
        {
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        }

        // Nothing of this machine: folders, the database's name.
        Assert.DoesNotContain(AppContext.BaseDirectory.TrimEnd('/'), body, StringComparison.Ordinal);
        Assert.DoesNotContain(environment.DataDirectory, body, StringComparison.Ordinal);
        if (environment.PostgresConnectionString is { } connectionString)
        {
            Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(connectionString).Database!, body, StringComparison.Ordinal);
        }
    }
}
