using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// The lists of backends theories run on, named once: a new backend is added here and not in every
/// test class. Theories take them through the attributes below, or, when each backend is combined
/// with other cases, through <see cref="OnEachDatabaseWith{T}(IEnumerable{T})"/>.
/// </summary>
public static class Backends
{
    /// <summary>Each database: the embedded default (SQLite) and PostgreSQL.</summary>
    public static readonly IReadOnlyList<Backend> Databases = [Backend.Sqlite, Backend.Postgres];

    /// <summary>Every set-up: each database, and the scaled-out one with Redis.</summary>
    public static readonly IReadOnlyList<Backend> Every = [.. Databases, Backend.PostgresRedis];

    /// <summary>The embedded default and the scaled-out set-up (where Redis changes the behaviour under test).</summary>
    public static readonly IReadOnlyList<Backend> EmbeddedAndScaledOut = [Backend.Sqlite, Backend.PostgresRedis];

    /// <summary>One theory row per database and case, for theories that try several cases on each database.</summary>
    public static TheoryData<Backend, T> OnEachDatabaseWith<T>(IEnumerable<T> cases)
    {
        var data = new TheoryData<Backend, T>();
        foreach (var backend in Databases)
        {
            foreach (var value in cases)
            {
                data.Add(backend, value);
            }
        }

        return data;
    }
}

/// <summary>Runs a theory once on each database: the embedded default (SQLite) and PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnEachDatabaseAttribute() : BackendDataAttribute(Backends.Databases);

/// <summary>Runs a theory on SQLite, PostgreSQL, and the scaled-out set-up with Redis.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnEveryBackendAttribute() : BackendDataAttribute(Backends.Every);

/// <summary>Runs a theory on the embedded default and on the scaled-out set-up (where Redis changes the behaviour under test).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnEmbeddedAndScaledOutAttribute() : BackendDataAttribute(Backends.EmbeddedAndScaledOut);

/// <summary>One theory row per backend, with the backend as the only argument.</summary>
public abstract class BackendDataAttribute(IReadOnlyList<Backend> backends) : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([.. backends.Select(backend => new TheoryDataRow<Backend>(backend))]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
