using DocManager.Data;
using Npgsql;

namespace DocManager.Integrity;

/// <summary>
/// Lets one integrity check run at a time across every instance of a deployment. On PostgreSQL it is
/// a session-level advisory lock taken on a connection of its own, outside the pool: the server
/// releases it the moment that connection closes, so an instance that dies mid-run never leaves it
/// held, and there is no expiry to tune or lease to renew. With SQLite there is only one instance,
/// and the in-process semaphore, which also keeps the timer and a manual run apart, is the whole lock.
/// See docs/decisions/0012-one-integrity-runner.md.
/// </summary>
public sealed class IntegrityRunLock(IConfiguration configuration) : IDisposable
{
    /// <summary>The advisory lock's number: any fixed value works, since advisory locks are per database.</summary>
    public const long AdvisoryKey = 0x0D0C_3A9E_1127_0001;

    private readonly SemaphoreSlim _local = new(1, 1);

    /// <summary>Waits until no other run holds the lock (on any instance), then holds it until disposed.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken) =>
        (await AcquireAsync(wait: true, cancellationToken))!;

    /// <summary>The lock if it is free right now; null when a run holds it here or on another instance.</summary>
    public Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken) => AcquireAsync(wait: false, cancellationToken);

    public void Dispose() => _local.Dispose();

    private async Task<IAsyncDisposable?> AcquireAsync(bool wait, CancellationToken cancellationToken)
    {
        if (wait)
        {
            await _local.WaitAsync(cancellationToken);
        }
        else if (!await _local.WaitAsync(0, cancellationToken))
        {
            return null;
        }

        NpgsqlConnection? connection = null;
        try
        {
            if (configuration.UsesPostgres())
            {
                connection = await LockDatabaseAsync(wait, cancellationToken);
                if (connection is null)
                {
                    _local.Release();
                    return null;
                }
            }

            return new Held(this, connection);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            _local.Release();
            throw;
        }
    }

    private async Task<NpgsqlConnection?> LockDatabaseAsync(bool wait, CancellationToken cancellationToken)
    {
        // Unpooled: closing the connection ends the server session, which is what releases the lock.
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Postgres")) { Pooling = false };
        var connection = new NpgsqlConnection(connectionString.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(wait ? "SELECT pg_advisory_lock(@key)" : "SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", AdvisoryKey);
            // Waiting is bounded by the caller's token: cancelling it cancels the query on the server.
            var locked = await command.ExecuteScalarAsync(cancellationToken);
            if (wait || locked is true)
            {
                return connection;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private sealed class Held(IntegrityRunLock owner, NpgsqlConnection? connection) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
            {
                return;
            }

            if (connection is not null)
            {
                // Unlock explicitly: the server ends a closed session a moment after the client lets
                // go, so a run started right after this one could still find the lock held. If the
                // unlock fails (the database went away), closing the session releases it anyway.
                try
                {
                    await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                    unlock.Parameters.AddWithValue("key", AdvisoryKey);
                    await unlock.ExecuteScalarAsync();
                }
                catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
                {
                    // released by closing the session below
                }

                await connection.DisposeAsync();
            }

            owner._local.Release();
        }
    }
}
