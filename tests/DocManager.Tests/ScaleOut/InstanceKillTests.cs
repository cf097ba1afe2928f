using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using DocManager.Tests.Infrastructure;
using Npgsql;

namespace DocManager.Tests.ScaleOut;

/// <summary>
/// An instance dies (SIGKILL) while large uploads stream into it. Whatever order the upload writes
/// its file and its row in, the invariants hold: nothing half-written becomes visible, no row points
/// at a missing or incomplete file, the client sees an error and its retry succeeds on another
/// instance, and the integrity check then finds nothing wrong.
/// </summary>
public sealed class InstanceKillTests(InstanceKillTests.TwoInstances cluster) : IClassFixture<InstanceKillTests.TwoInstances>
{
    private const int FileSize = 6 * 1024 * 1024;

    /// <summary>Two instances behind the balancer: one to kill, one to carry on.</summary>
    public sealed class TwoInstances : Cluster
    {
        protected override int InstanceCount => 2;
    }

    [Fact]
    public async Task InstanceKilledDuringUploads_LeavesNothingHalfDone_AndTheClientCanRetry()
    {
        var victim = cluster.Instance("a");
        var cookies = new CookieContainer();
        using var onVictim = cluster.Browser(victim.BaseAddress, cookies);
        using var viaBalancer = cluster.Browser(cookies: cookies);
        await onVictim.RegisterNewUserAsync();
        var api = onVictim.Api();
        var token = await api.CsrfTokenAsync();
        using (var finished = await api.UploadAsync([TestFile.PngOfSize("finished.png", 256 * 1024)]))
        {
            Assert.Equal(HttpStatusCode.Created, finished.StatusCode);
        }

        // GIVEN three large uploads streaming into one instance, each half sent
        var files = Enumerable.Range(1, 3).Select(i => TestFile.PngOfSize($"interrupted-{i}.png", FileSize)).ToList();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var parts = files.Select(f => new GatedFileContent(f.Content, FileSize / 2, gate.Task, "image/png")).ToList();
        var uploads = files.Select((f, i) => SendAsync(onVictim, token, parts[i], f.Name)).ToList();
        await Task.WhenAll(parts.Select(p => p.FirstPartSent)).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken); // let the instance stage what has arrived

        // WHEN the instance is killed, and the clients try to send the rest
        await victim.KillAsync();
        gate.SetResult();

        // THEN every client is told its upload failed
        foreach (var upload in uploads)
        {
            var outcome = await upload;
            Assert.True(outcome is not HttpStatusCode.Created, "an upload to a killed instance reported success");
        }

        // …none of them is visible, and every row that exists has its whole file
        var api2 = viaBalancer.Api();
        var listed = await api2.GetJsonAsync("/api/documents?limit=100");
        Assert.Equal(["finished"], listed.GetProperty("items").EnumerateArray().Select(d => d.Text("title")));
        await AssertEveryRowHasItsWholeFileAsync();
        var me = await api2.GetJsonAsync("/api/me");
        Assert.Equal((1, 256 * 1024L), (me.GetProperty("documentCount").GetInt32(), me.GetProperty("storageUsed").GetInt64()));

        // …and the same uploads, retried through the balancer, are taken by the surviving instance
        foreach (var file in files)
        {
            using var retried = await api2.UploadAsync([file]);
            Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
            Assert.NotEqual(victim.Name, retried.Instance());
            var id = (await retried.JsonAsync()).GetProperty("items")[0].Id();
            using var download = await viaBalancer.GetAsync($"/files/{id}");
            Assert.Equal(file.Content, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }

        await AssertIntegrityCheckFindsNothingWrongAsync();
    }

    [Fact]
    public async Task InstanceKilledDuringABurstOfUploads_KeepsEveryAcceptedFile_AndNoBrokenOne()
    {
        // GIVEN an instance of its own taking uploads from four clients, one after another
        var victim = await cluster.StartInstanceAsync("burst-victim");
        var cookies = new CookieContainer();
        using var onVictim = cluster.Browser(victim.BaseAddress, cookies);
        using var viaBalancer = cluster.Browser(cookies: cookies);
        await onVictim.RegisterNewUserAsync();
        var token = await onVictim.Api().CsrfTokenAsync();
        var accepted = new System.Collections.Concurrent.ConcurrentDictionary<int, TestFile>();
        var failures = 0;
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 4).Select(client => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var file = TestFile.PngOfSize($"burst-{client}-{n}.png", 512 * 1024);
                var (status, id) = await UploadAsync(onVictim, token, file);
                if (status == HttpStatusCode.Created)
                {
                    accepted[id] = file;
                }
                else
                {
                    // A kill breaks the connection; any answer other than 201 would be a bug of its own.
                    Assert.Null(status);
                    Interlocked.Increment(ref failures);
                    return;
                }
            }
        })).ToList();

        // WHEN it is killed while uploads are in every stage of being written
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (accepted.Count < 6 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await victim.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        // THEN every upload it accepted is there, whole, whichever instance serves it
        Assert.True(failures > 0, "no upload was cut off by the kill");
        var api = viaBalancer.Api();
        foreach (var (id, file) in accepted)
        {
            using var download = await viaBalancer.GetAsync($"/files/{id}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(file.Content, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }

        // …an interrupted upload either never happened or happened whole, and the usage counters agree
        await AssertEveryRowHasItsWholeFileAsync();
        var listed = (await api.GetJsonAsync("/api/documents?limit=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.Subset(listed.Select(d => d.Id()).ToHashSet(), accepted.Keys.ToHashSet());
        var me = await api.GetJsonAsync("/api/me");
        Assert.Equal(listed.Count, me.GetProperty("documentCount").GetInt32());
        Assert.Equal(listed.Sum(d => d.GetProperty("file").GetProperty("size").GetInt64()), me.GetProperty("storageUsed").GetInt64());
        await AssertIntegrityCheckFindsNothingWrongAsync();
    }

    private static async Task<(HttpStatusCode? Status, int Id)> UploadAsync(Browser browser, string token, TestFile file)
    {
        using var content = new MultipartFormDataContent { { file.ToContent(), "file", file.Name } };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/files", UriKind.Relative)) { Content = content };
        request.Headers.Add(ApiClient.CsrfHeader, token);
        try
        {
            using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
            return response.StatusCode == HttpStatusCode.Created
                ? (response.StatusCode, (await response.JsonAsync()).GetProperty("items")[0].Id())
                : (response.StatusCode, 0);
        }
        catch (HttpRequestException)
        {
            return (null, 0);
        }
    }

    /// <summary>POST /api/files with one streamed file: the status, or null when the connection broke.</summary>
    private static async Task<HttpStatusCode?> SendAsync(Browser browser, string token, GatedFileContent part, string fileName)
    {
        using var content = new MultipartFormDataContent { { part, "file", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/files", UriKind.Relative)) { Content = content };
        request.Headers.Add(ApiClient.CsrfHeader, token);
        try
        {
            using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private async Task<int> AssertEveryRowHasItsWholeFileAsync()
    {
        var count = 0;
        await using var connection = new NpgsqlConnection(cluster.Environment.PostgresConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var query = new NpgsqlCommand("""SELECT "StoredName", "Size", "Sha256" FROM "Documents" WHERE "StoredName" IS NOT NULL""", connection);
        await using var rows = await query.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await rows.ReadAsync(TestContext.Current.CancellationToken))
        {
            var name = rows.GetString(0);
            var path = Path.Combine(cluster.FilesRoot, name[..2], name[2..4], name);
            Assert.True(File.Exists(path), $"a row points at the missing file {name}");
            var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(rows.GetInt64(1), bytes.LongLength);
            Assert.Equal(rows.GetString(2), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            count++;
        }

        return count;
    }

    /// <summary>
    /// Starts a fresh instance whose integrity check runs at once (no admin action needed), and reads
    /// its report on /readyz: every file with a row verified, none missing or changed.
    /// </summary>
    private async Task AssertIntegrityCheckFindsNothingWrongAsync()
    {
        var expectedFiles = await AssertEveryRowHasItsWholeFileAsync();
        var checker = await cluster.StartInstanceAsync("checker-" + Guid.NewGuid().ToString("N")[..6], new Dictionary<string, string?> { ["Integrity:FirstRunAfter"] = "00:00:00" });
        using var browser = cluster.Browser(checker.BaseAddress);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var ready = await browser.GetAsync("/readyz");
            var integrity = (await ready.JsonAsync()).GetProperty("checks").GetProperty("integrity");
            var description = integrity.Text("description");
            if (description != "Not checked yet")
            {
                Assert.Equal("Healthy", integrity.Text("status"));
                Assert.StartsWith($"{expectedFiles} files verified", description, StringComparison.Ordinal);
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The integrity check did not run.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
