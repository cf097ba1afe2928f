using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace DocManager.Tests.Infrastructure;

/// <summary>
/// Runs a theory once on each database: the embedded default (SQLite) and PostgreSQL. The one list
/// of backends a test runs on, so a new backend is added here and not in every test class.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnEachDatabaseAttribute() : BackendDataAttribute(Backend.Sqlite, Backend.Postgres);

/// <summary>Runs a theory on SQLite, PostgreSQL, and the scaled-out set-up with Redis.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnEveryBackendAttribute() : BackendDataAttribute(Backend.Sqlite, Backend.Postgres, Backend.PostgresRedis);

/// <summary>Runs a theory on the embedded default and on the scaled-out set-up (where Redis changes the behaviour under test).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnEmbeddedAndScaledOutAttribute() : BackendDataAttribute(Backend.Sqlite, Backend.PostgresRedis);

/// <summary>One theory row per backend, with the backend as the only argument.</summary>
public abstract class BackendDataAttribute(params Backend[] backends) : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([.. backends.Select(backend => new TheoryDataRow<Backend>(backend))]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
