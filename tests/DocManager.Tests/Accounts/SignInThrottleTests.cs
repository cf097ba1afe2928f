using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Accounts;

/// <summary>SPEC §2: 5 failed sign-ins per account and 20 per client address, each in 15 minutes.</summary>
public sealed class SignInThrottleTests
{
    [Theory]
    [OnEmbeddedAndScaledOut]
    public async Task SixthWrongPassword_Answers429WithRetryAfter(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        var userName = await app.NewAccountAsync();
        using var attacker = app.CreateBrowser();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await attacker.SignInAsync(userName, $"guess-number-{attempt}");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var sixth = await attacker.SignInAsync(userName, "guess-number-6");

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        var retryAfter = int.Parse(sixth.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 15 * 60);
    }

    [Theory]
    [OnEmbeddedAndScaledOut]
    public async Task WhileThrottled_EvenTheCorrectPasswordIsRefused(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        var userName = await app.NewAccountAsync();
        using var attacker = app.CreateBrowser();
        await FailTimes(attacker, userName, 5);

        using var owner = app.CreateBrowser();
        using var response = await owner.SignInAsync(userName);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Null(owner.SessionCookie);
    }

    [Fact]
    public async Task CorrectSignIns_DoNotUseUpTheAllowance()
    {
        await using var app = await TestApp.StartAsync();
        var userName = await app.NewAccountAsync();
        using var browser = app.CreateBrowser();

        for (var i = 0; i < 8; i++)
        {
            using var response = await browser.SignInAsync(userName);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        }
    }

    [Fact]
    public async Task OtherAccounts_AreNotLockedByOneAccountsFailures()
    {
        await using var app = await TestApp.StartAsync();
        var victim = await app.NewAccountAsync();
        var bystander = await app.NewAccountAsync();
        using var attacker = app.CreateBrowser();
        await FailTimes(attacker, victim, 5);

        using var response = await app.CreateBrowser().SignInAsync(bystander);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    [Theory]
    [OnEmbeddedAndScaledOut]
    public async Task TwentyFailuresFromOneAddress_AcrossAccounts_BlockThatAddress(Backend backend)
    {
        // GIVEN password spraying: 4 guesses at each of 5 accounts (no account reaches its limit)
        await using var app = await TestApp.StartAsync(backend);
        var accounts = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            accounts.Add(await app.NewAccountAsync());
        }

        using var attacker = app.CreateBrowser();
        foreach (var account in accounts.Take(5))
        {
            await FailTimes(attacker, account, 4);
        }

        // THEN the next attempt from that address is refused, even for a fresh account
        using var response = await attacker.SignInAsync(accounts[5]);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task UnknownUserNames_AreThrottledLikeRealOnes()
    {
        await using var app = await TestApp.StartAsync();
        using var attacker = app.CreateBrowser();
        await FailTimes(attacker, "no_such_user", 5);

        using var response = await attacker.SignInAsync("no_such_user", "guess");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task ThrottleCounts_AreSharedByInstancesThroughRedis()
    {
        await using var app = await TestApp.StartAsync(Backend.PostgresRedis);
        var userName = await app.NewAccountAsync();
        var first = app.Instance;
        var second = app.StartInstance();

        using var onFirst = first.CreateBrowser();
        using var onSecond = second.CreateBrowser();
        await FailTimes(onFirst, userName, 3);
        await FailTimes(onSecond, userName, 2);

        using var response = await onFirst.SignInAsync(userName);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    private static async Task FailTimes(Browser browser, string userName, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await browser.SignInAsync(userName, "wrong-password-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
