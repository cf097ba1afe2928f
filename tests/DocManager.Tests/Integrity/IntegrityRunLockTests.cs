using DocManager.Integrity;
using DocManager.Storage;
using DocManager.Tests.Infrastructure;
using Npgsql;

namespace DocManager.Tests.Integrity;

/// <summary>Several instances share one database and one file store, but only one of them checks the files at a time.</summary>
public sealed class IntegrityRunLockTests
{
    [Fact]
    public async Task WhileAnotherInstanceIsChecking_TheTimerSkipsItsRound_AndARequestedRunWaits()
    {
        await using var app = await TestApp.StartAsync(Backend.Postgres);
        var check = app.Instance.Service<IntegrityCheck>();
        var cancellation = TestContext.Current.CancellationToken;

        // GIVEN the lock held elsewhere, as another instance in the middle of a run holds it
        await using (var otherInstance = await HoldLockAsync(app.Environment.PostgresConnectionString!))
        {
            // THEN a timed round is skipped, and a requested run waits…
            Assert.Null(await check.TryRunAsync(cancellation));
            var requested = check.RunAsync(cancellation);
            await Task.Delay(500, cancellation);
            Assert.False(requested.IsCompleted, "the check ran while another instance held the lock");

            // …until the other instance is done (or dies: its session ends, and so does the lock)
            await otherInstance.CloseAsync();
            var result = await requested.WaitAsync(TimeSpan.FromSeconds(10), cancellation);
            Assert.True(result.Healthy);
        }

        Assert.NotNull(await check.TryRunAsync(cancellation));
    }

    [Fact]
    public async Task TwoInstancesCheckingAtOnce_RunOneAfterTheOther()
    {
        await using var app = await TestApp.StartAsync(Backend.PostgresRedis);
        var first = app.Instance;
        var second = app.StartInstance();
        using var browser = await first.NewUserAsync();
        await browser.UploadDocumentAsync(TestFile.Pdf());
        var orphan = Path.Combine(app.FilesRoot(), "ab", "cd", "abcd" + new string('1', 28));
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        await File.WriteAllTextAsync(orphan, "no row refers to this", TestContext.Current.CancellationToken);
        // Old enough to be an orphan rather than an upload still committing (Integrity:OrphanGrace).
        File.SetLastWriteTimeUtc(orphan, DateTime.UtcNow.AddDays(-1));

        var results = await Task.WhenAll(
            first.Service<IntegrityCheck>().RunAsync(TestContext.Current.CancellationToken),
            second.Service<IntegrityCheck>().RunAsync(TestContext.Current.CancellationToken));

        // Both finish and both verify the file; the orphan is removed by exactly one of them.
        Assert.All(results, r => Assert.Equal((1, true), (r.Checked, r.Healthy)));
        Assert.Equal(1, results.Sum(r => r.OrphansRemoved));
        Assert.False(File.Exists(orphan));
    }

    [Fact]
    public async Task OnSqlite_TheTimerAndARequestedRun_DoNotOverlap()
    {
        await using var app = await TestApp.StartAsync(Backend.Sqlite);
        var runLock = app.Instance.Service<IntegrityRunLock>();
        await using (await runLock.AcquireAsync(TestContext.Current.CancellationToken))
        {
            Assert.Null(await app.Instance.Service<IntegrityCheck>().TryRunAsync(TestContext.Current.CancellationToken));
        }

        Assert.NotNull(await app.Instance.Service<IntegrityCheck>().TryRunAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<NpgsqlConnection> HoldLockAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", IntegrityRunLock.AdvisoryKey);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
