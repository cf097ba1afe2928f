using System.Net;
using DocManager.Hosting;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Sessions;

/// <summary>Several app instances sharing PostgreSQL, Redis and data-protection keys serve one user as one.</summary>
public sealed class SharedSessionTests
{
    [Fact]
    public async Task SessionCreatedOnOneInstance_IsHonouredByAnother_AndSignOutIsSeenAtOnce()
    {
        await using var app = await TestApp.StartAsync(Backend.PostgresRedis);
        var first = app.Instance;
        var second = app.StartInstance();
        var cookies = new CookieContainer();
        using var onFirst = new Browser(first, cookies);
        using var onSecond = new Browser(second, cookies);
        await onFirst.RegisterNewUserAsync();

        // The second instance decrypts the cookie with the shared keys and finds the session in Redis.
        var settings = await onSecond.GetPageAsync("/settings");
        Assert.NotNull(settings.QuerySelector("meta[name=csrf-token]"));

        // A form rendered by one instance is accepted by the other: anti-forgery keys are shared too.
        var form = settings.Forms.Single(f => f.GetAttribute("action") == "/settings/email");
        using var saved = await onFirst.SubmitAsync(form, [new("email", "shared@example.com")]);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);

        var copied = onFirst.SessionCookie!;
        using var signOut = await onSecond.SignOutAsync();
        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);

        using var replay = first.CreateBrowser().WithSessionCookie(copied);
        await replay.AssertSignedOutAsync();
    }

    [Fact]
    public async Task RedisSession_IsOneKeyWhoseTtlIsTheIdleTimeout_ListedUnderItsUser()
    {
        await using var app = await TestApp.StartAsync(Backend.PostgresRedis);
        using var browser = await app.NewUserAsync();
        var keys = app.Instance.Service<RedisKeys>();
        var redis = TestServers.Redis.GetDatabase();

        var sessionIds = await redis.SetMembersAsync(keys.UserSessions(1));
        var sessionId = Assert.Single(sessionIds).ToString();
        var ttl = await redis.KeyTimeToLiveAsync(keys.Session(sessionId));

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(60));
        // The key is a hash of the cookie's secret, never the secret itself.
        Assert.DoesNotContain(browser.SessionCookie!, sessionId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisSessionKey_ExpiringInRedis_SignsTheBrowserOut()
    {
        await using var app = await TestApp.StartAsync(Backend.PostgresRedis);
        using var browser = await app.NewUserAsync();
        var keys = app.Instance.Service<RedisKeys>();
        var redis = TestServers.Redis.GetDatabase();
        var sessionId = (await redis.SetMembersAsync(keys.UserSessions(1))).Single().ToString();

        // What Redis does by itself when the idle TTL runs out.
        await redis.KeyExpireAsync(keys.Session(sessionId), TimeSpan.FromMilliseconds(1));
        await Task.Delay(50, TestContext.Current.CancellationToken);

        await browser.AssertSignedOutAsync();
    }
}
