using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DocManager.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock. Microsoft.Data.Sqlite does not set a busy timeout: a
/// writer that finds another one committing gets SQLITE_BUSY at once and the driver sleeps 150 ms
/// before trying again, so concurrent uploads or sign-ins queued in steps of 150 ms (measured: 14
/// uploads/s with 64 clients, on a disk that takes 1,700 fsynced writes/s). With a busy timeout,
/// SQLite retries within milliseconds of the lock coming free. The setting belongs to the native
/// connection, which the pool keeps, so setting it again on each open costs one native call.
/// </summary>
internal sealed class SqliteBusyTimeout(TimeSpan timeout) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, (int)timeout.TotalMilliseconds);
        }
    }
}
