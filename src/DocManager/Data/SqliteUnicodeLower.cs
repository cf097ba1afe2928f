using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DocManager.Data;

/// <summary>
/// SQLite's built-in lower() folds only A–Z, so "ÉTÉ" would never match "été". Every connection gets
/// a lower() that lower-cases as .NET does, so text filters ignore case across Unicode, as on PostgreSQL.
/// </summary>
internal sealed class SqliteUnicodeLower : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection) =>
        ((SqliteConnection)connection).CreateFunction("lower", (string? value) => value?.ToLowerInvariant(), isDeterministic: true);
}
