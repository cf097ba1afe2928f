using System.Net;
using DocManager.Hosting;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.ScaleOut;

/// <summary>Reading a scaled-out deployment's answers: which instance sent them.</summary>
public static class ClusterSteps
{
    /// <summary>The instance that answered (its `X-Instance` header; through nginx, the one it chose).</summary>
    public static string Instance(this HttpResponseMessage response) =>
        response.Headers.TryGetValues(InstanceHeader.Name, out var values) ? values.Single()
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered without {InstanceHeader.Name}.");

    /// <summary>GETs a page that must answer 200, and returns the instance that served it.</summary>
    public static async Task<string> GetPageFromAsync(this Browser browser, string url)
    {
        using var response = await browser.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return response.Instance();
    }
}
