namespace ControlPlane.LoadTest;

using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using ControlPlane.LoadTest.Clients;
using ControlPlane.LoadTest.Floor;
using ControlPlane.LoadTest.Hosting;
using ControlPlane.LoadTest.Mesh;
using ControlPlane.LoadTest.Reporting;
using ControlPlane.LoadTest.Scenarios;

/// <summary>
/// One load-test run: start (or reach) the control plane with the synthetic mesh, connect the clients, run the four
/// scenarios in order, read the control plane's usage, then measure the floor with the same clients.
/// </summary>
internal sealed class LoadTestRun(LoadTestArguments args, TextWriter progress)
{
    private readonly Dictionary<string, double> phases = [];
    private readonly Dictionary<string, double> cpuByScenario = [];
    private readonly Dictionary<string, GarbageCollection> gcByScenario = [];

    public async Task<LoadTestReport> RunAsync()
    {
        var mesh = SyntheticMesh.Create(args.Mesh);
        await using var target = await Phase("start_control_plane", StartTargetAsync(mesh)).ConfigureAwait(false);
        await Phase("warm_up", WarmUpAsync(mesh, target)).ConfigureAwait(false);
        var scenarios = new Dictionary<string, ScenarioResult>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, double>? breakdown;
        FrozenDictionary<string, IReadOnlyList<(string TypeUrl, byte[] Bytes)>> replay;
        await using (var fleet = ClientFleet.Create(target.XdsAddress, mesh, args.EffectiveConnections, record: args.Floor))
        {
            await RunScenariosAsync(mesh, target, fleet, scenarios).ConfigureAwait(false);
            breakdown = await ServerBreakdown.ReadAsync(target.MonitoringAddress).ConfigureAwait(false);
            replay = fleet.Clients.ToFrozenDictionary(c => c.Node.Id, c => c.Recorded, StringComparer.Ordinal);
        }

        var usage = await target.UsageAsync().ConfigureAwait(false);
        var floor = args.Floor ? await Phase("floor", MeasureFloorAsync(mesh, replay, scenarios["connect"])).ConfigureAwait(false) : null;
        return new LoadTestReport
        {
            Mesh = MeshParameters(mesh),
            Scenarios = scenarios,
            ControlPlane = new ControlPlaneFigures(Math.Round(usage.CpuSeconds, 3), Math.Round(usage.PeakRssMb, 1), target.Mode, usage.IncludesLoadGenerator, usage.Source),
            Floor = floor,
            Machine = Machine(),
            PhasesMs = phases,
            ControlPlaneCpuSecondsByScenario = cpuByScenario,
            ControlPlaneGcByScenario = gcByScenario,
            ServerBreakdown = breakdown,
        };
    }

    private async Task RunScenariosAsync(SyntheticMesh mesh, IControlPlaneTarget target, ClientFleet fleet, Dictionary<string, ScenarioResult> scenarios)
    {
        var settle = TimeSpan.FromSeconds(args.SettleSeconds);
        scenarios["connect"] = await Scenario(target, "connect", () => ConnectScenario.RunAsync(fleet, TimeSpan.FromSeconds(args.ConnectTimeoutSeconds))).ConfigureAwait(false);
        await FleetMarks.Take(fleet).WaitQuietAsync(TimeSpan.FromMilliseconds(500), settle).ConfigureAwait(false);
        scenarios["endpoint_churn"] = await Scenario(target, "endpoint_churn", () => EndpointChurnScenario.RunAsync(
            fleet, mesh, target, args.ChurnRate, TimeSpan.FromSeconds(args.ChurnSeconds), settle)).ConfigureAwait(false);
        var routed = mesh.MostDependedRoutedService();
        scenarios["virtualservice_change"] = await Scenario(target, "virtualservice_change", () => SingleChangeScenario.RunAsync(
            fleet, target, new MeshChange(MeshChangeKind.VirtualService, routed, 1), mesh.DependentsOf(routed), settle)).ConfigureAwait(false);
        scenarios["mesh_wide_change"] = await Scenario(target, "mesh_wide_change", () => SingleChangeScenario.RunAsync(
            fleet, target, new MeshChange(MeshChangeKind.MeshWide, 0, 1), [.. mesh.Clients.Select(c => c.Index)], settle)).ConfigureAwait(false);
    }

    /// <summary>
    /// Connects and disconnects a few clients first, so neither the control plane nor the clients (nor, later, the floor
    /// run that shares the clients' code) measure JIT compilation: a running control plane is warm.
    /// </summary>
    private async Task<int> WarmUpAsync(SyntheticMesh mesh, IControlPlaneTarget target)
    {
        await using var fleet = ClientFleet.Create(target.XdsAddress, mesh, 1, record: false, count: Math.Min(20, mesh.Clients.Length));
        fleet.ConnectAll();
        var converged = await fleet.WaitConvergedAsync(TimeSpan.FromSeconds(args.ConnectTimeoutSeconds)).ConfigureAwait(false);
        return converged.Count(c => c is not null);
    }

    private async Task<IControlPlaneTarget> StartTargetAsync(SyntheticMesh mesh)
    {
        if (args.Target is { } address)
        {
            return await RemoteTarget.ConnectAsync(address).ConfigureAwait(false);
        }

        return args.InProcess
            ? await InProcessTarget.StartAsync(mesh, sharedWithClients: true, CancellationToken.None).ConfigureAwait(false)
            : await ChildProcessTarget.StartAsync(mesh.Spec).ConfigureAwait(false);
    }

    private async Task<FloorFigures> MeasureFloorAsync(
        SyntheticMesh mesh, FrozenDictionary<string, IReadOnlyList<(string TypeUrl, byte[] Bytes)>> replay, ScenarioResult connect)
    {
        await using var server = await FloorServer.StartAsync(replay).ConfigureAwait(false);
        await using (var warm = ClientFleet.Create(server.Address, mesh, 1, record: false, count: Math.Min(20, mesh.Clients.Length)))
        {
            warm.ConnectAll();
            await warm.WaitConvergedAsync(TimeSpan.FromSeconds(args.ConnectTimeoutSeconds)).ConfigureAwait(false);
        }

        await using var fleet = ClientFleet.Create(server.Address, mesh, args.EffectiveConnections, record: false);
        var floor = await ConnectScenario.RunAsync(fleet, TimeSpan.FromSeconds(args.ConnectTimeoutSeconds)).ConfigureAwait(false);
        var ratio = floor.MaxMs > 0 ? Math.Round(connect.MaxMs / floor.MaxMs, 3) : 0;
        return new FloorFigures(floor.MaxMs, ratio, floor.BytesSent, fleet.Clients.Length - floor.ClientsDependentMissed);
    }

    /// <summary>Runs a scenario as a phase and adds the control plane's own push counts for it.</summary>
    private async Task<ScenarioResult> Scenario(IControlPlaneTarget target, string name, Func<Task<ScenarioResult>> run)
    {
        var (before, _, _) = await PushStatusReader.ReadAsync(target.MonitoringAddress, long.MaxValue).ConfigureAwait(false);
        var cpuBefore = (await target.UsageAsync().ConfigureAwait(false)).CpuSeconds;
        var gcBefore = await GarbageCollection.ReadAsync(target.MonitoringAddress).ConfigureAwait(false);
        var result = await Phase(name, run()).ConfigureAwait(false);
        cpuByScenario[name] = Math.Round((await target.UsageAsync().ConfigureAwait(false)).CpuSeconds - cpuBefore, 3);
        gcByScenario[name] = (await GarbageCollection.ReadAsync(target.MonitoringAddress).ConfigureAwait(false)).Since(gcBefore);
        var (_, pushes, selected) = await PushStatusReader.ReadAsync(target.MonitoringAddress, before).ConfigureAwait(false);
        return result with { ServerPushes = pushes, ServerProxiesSelected = selected };
    }

    private async Task<T> Phase<T>(string name, Task<T> task)
    {
        var start = Stopwatch.GetTimestamp();
        progress.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {name}...");
        var result = await task.ConfigureAwait(false);
        phases[name] = Math.Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 1);
        progress.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {name} done in {phases[name]:F0} ms");
        return result;
    }

    private Dictionary<string, object> MeshParameters(SyntheticMesh mesh)
    {
        var spec = mesh.Spec;
        var routed = Enumerable.Range(0, spec.Services).Count(mesh.IsRouted);
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["services"] = spec.Services, ["namespaces"] = spec.Namespaces, ["endpoints"] = spec.Endpoints,
            ["total_endpoints"] = (long)spec.Services * spec.Endpoints, ["clients"] = spec.Clients, ["deps"] = spec.Dependencies,
            ["connections"] = args.EffectiveConnections, ["virtual_services"] = routed, ["destination_rules"] = routed,
            ["sidecars"] = mesh.Clients.Select(c => c.Workload).Distinct().Count(), ["replicas"] = spec.Replicas,
            ["churn_rate"] = args.ChurnRate, ["churn_seconds"] = args.ChurnSeconds, ["seed"] = spec.Seed,
        };
    }

    private static Dictionary<string, object> Machine() => new(StringComparer.Ordinal)
    {
        ["processor_count"] = Environment.ProcessorCount,
        ["os"] = RuntimeInformation.OSDescription,
        ["runtime"] = RuntimeInformation.FrameworkDescription,
        ["memory_mb"] = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1048576,
    };
}
