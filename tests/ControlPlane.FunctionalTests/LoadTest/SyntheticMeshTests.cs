namespace ControlPlane.FunctionalTests.LoadTest;

using ControlPlane.LoadTest;
using ControlPlane.LoadTest.Mesh;

/// <summary>
/// Replicas in the synthetic mesh: pods of one workload share its Sidecar, labels, namespace and dependencies, so the
/// dependency graph counts every pod; one replica per workload gives the mesh the load test always built.
/// </summary>
public sealed class SyntheticMeshTests
{
    [Fact]
    public void Replicas_of_a_workload_share_its_sidecar_and_dependencies_and_each_counts_as_a_dependent()
    {
        var mesh = SyntheticMesh.Create(new SyntheticMeshSpec { Services = 30, Namespaces = 3, Clients = 12, Dependencies = 4, Replicas = 3 });

        var workloads = mesh.Clients.GroupBy(c => c.Workload).ToList();
        Assert.Equal(4, workloads.Count);
        foreach (var pods in workloads)
        {
            Assert.Equal(3, pods.Count());
            Assert.Single(pods.Select(p => string.Join(',', p.Dependencies)).Distinct());
            Assert.Single(pods.Select(p => p.Namespace).Distinct());
            Assert.Equal(3, pods.Select(p => p.Ip).Distinct().Count());
            Assert.All(pods, p => Assert.Equal(pods.Key, p.Labels["app"]));
        }

        Assert.Equal(4, mesh.InitialDelta().UpsertedConfigs.Count(c => c is Model.Config.Sidecars.Sidecar));
        var service = mesh.Clients[0].Dependencies[0];
        Assert.Equal(mesh.Clients.Count(c => c.Dependencies.Contains(service)), mesh.DependentsOf(service).Length);
    }

    [Fact]
    public void One_replica_per_workload_keeps_the_pod_named_after_the_workload()
    {
        var mesh = SyntheticMesh.Create(new SyntheticMeshSpec { Services = 30, Namespaces = 3, Clients = 5, Dependencies = 4 });

        Assert.Equal(["client-0", "client-1", "client-2", "client-3", "client-4"], mesh.Clients.Select(c => c.Pod));
        Assert.All(mesh.Clients, c => Assert.Equal(c.Pod, c.Workload));
    }

    [Fact]
    public async Task A_tiny_run_with_replicas_keeps_the_reports_invariants()
    {
        var args = new LoadTestArguments
        {
            Mesh = new SyntheticMeshSpec { Services = 20, Namespaces = 4, Endpoints = 2, Clients = 10, Dependencies = 3, Replicas = 2 },
            ChurnRate = 50,
            ChurnSeconds = 0.5,
            InProcess = true,
            Floor = false,
            ConnectTimeoutSeconds = 30,
            SettleSeconds = 15,
        };

        var report = await new LoadTestRun(args, TextWriter.Null).RunAsync();

        Assert.Equal(10, report.Scenarios["connect"].ClientsPushed);
        var churn = report.Scenarios["endpoint_churn"];
        Assert.Equal(churn.ClientsDependent, churn.ClientsPushed);
        Assert.Equal(0, churn.ClientsPushedNotDependent);
        Assert.Equal(0, churn.ClientsDependentMissed);
        Assert.Equal(5, report.Mesh["sidecars"]);
    }
}
