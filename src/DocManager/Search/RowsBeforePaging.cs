using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace DocManager.Search;

/// <summary>
/// `count(*) OVER ()` in LINQ: on every row of a paged query, how many rows the query has before
/// paging. A page and its total then come from one query, so a full-text match runs once, not once
/// for the rows and again for the count (on PostgreSQL the index lookup is most of a search's time).
/// EF Core has no window functions; this maps a function with no arguments whose SQL is the whole
/// expression, understood alike by SQLite (3.25 and later) and PostgreSQL.
/// </summary>
public static class RowsBeforePaging
{
    /// <summary>Only meaningful inside a LINQ query, where it becomes SQL.</summary>
    public static long Count() => throw new InvalidOperationException("RowsBeforePaging.Count() is translated to SQL; it cannot run in .NET.");

    public static ModelBuilder HasRowsBeforePaging(this ModelBuilder modelBuilder)
    {
        modelBuilder.HasDbFunction(typeof(RowsBeforePaging).GetMethod(nameof(Count))!)
            .HasTranslation(_ => new SqlFunctionExpression("count(*) OVER ()", nullable: false, typeof(long), new LongTypeMapping("bigint", DbType.Int64)));
        return modelBuilder;
    }
}
