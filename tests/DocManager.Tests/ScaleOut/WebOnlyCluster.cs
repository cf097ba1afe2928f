using DocManager.Hosting;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.ScaleOut;

/// <summary>
/// One web-only instance behind the balancer, which runs no jobs: the tests start worker instances
/// beside it (<see cref="WorkerSteps.StartWorkerAsync"/>) when they want its jobs run. Every instance
/// logs each job it runs, so a test can tell who ran what.
/// </summary>
public sealed class WebOnlyCluster : Cluster
{
    protected override int InstanceCount => 1;

    protected override IReadOnlyDictionary<string, string?> BalancedInstanceSettings => new Dictionary<string, string?>
    {
        [InstanceRoles.Key] = "web",
        [WorkerSteps.JobLogLevel] = "Debug",
    };

    public AppProcess Web => Instances[0];
}
