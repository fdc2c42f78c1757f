namespace ControlPlane.LoadTest.Scenarios;

using System.Diagnostics;
using ControlPlane.LoadTest.Clients;
using ControlPlane.LoadTest.Hosting;
using ControlPlane.LoadTest.Mesh;
using ControlPlane.LoadTest.Reporting;
using ControlPlane.Xds;

/// <summary>
/// One endpoint change at a fixed rate for a fixed time, each to the next service of a seeded shuffle. A change's latency
/// runs from its apply to the ACK of the first EDS response after it that carries one of the service's clusters, taken
/// over the last of the clients that depend on the service; the percentiles are over changes that have dependents.
/// </summary>
internal static class EndpointChurnScenario
{
    private sealed record Applied(int Service, long At);

    public static async Task<ScenarioResult> RunAsync(
        ClientFleet fleet, SyntheticMesh mesh, IControlPlaneTarget target, double rate, TimeSpan duration, TimeSpan settle)
    {
        var marks = FleetMarks.Take(fleet);
        var applied = await ApplyAllAsync(mesh, target, rate, duration).ConfigureAwait(false);
        var dependent = applied.SelectMany(a => mesh.DependentsOf(a.Service)).ToHashSet();
        await FleetMarks.WaitUntilAsync(() => AllUpdated(marks, mesh, applied), settle).ConfigureAwait(false);
        await marks.WaitQuietAsync(TimeSpan.FromMilliseconds(300), settle).ConfigureAwait(false);

        var logs = Enumerable.Range(0, fleet.Clients.Length).Select(marks.Since).ToList();
        var latencies = new List<double>();
        var missed = new HashSet<int>();
        foreach (var change in applied)
        {
            var last = LastAck(mesh, change, logs, missed);
            if (last is { } at)
            {
                latencies.Add(FleetMarks.Milliseconds(change.At, at));
            }
        }

        var pushed = Enumerable.Range(0, logs.Count).Where(i => logs[i].Count > 0).ToHashSet();
        return ScenarioResult.FromLatencies(latencies) with
        {
            ClientsPushed = pushed.Count,
            ClientsDependent = dependent.Count,
            ClientsPushedNotDependent = pushed.Count(c => !dependent.Contains(c)),
            ClientsDependentMissed = missed.Count,
            BytesSent = logs.Sum(l => l.Sum(r => (long)r.Bytes)),
            Responses = logs.Sum(l => l.Count),
            Changes = applied.Count,
        };
    }

    private static async Task<List<Applied>> ApplyAllAsync(SyntheticMesh mesh, IControlPlaneTarget target, double rate, TimeSpan duration)
    {
        var count = Math.Max(1, (int)Math.Round(rate * duration.TotalSeconds));
        var order = Enumerable.Range(0, mesh.Spec.Services).ToArray();
        new Random(mesh.Spec.Seed).Shuffle(order);
        var applied = new List<Applied>(count);
        var start = Stopwatch.GetTimestamp();
        for (var c = 0; c < count; c++)
        {
            var due = TimeSpan.FromSeconds(c / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due).ConfigureAwait(false);
            }

            var service = order[c % order.Length];
            applied.Add(new Applied(service, await target.ApplyAsync(new MeshChange(MeshChangeKind.Endpoints, service, c + 1)).ConfigureAwait(false)));
        }

        return applied;
    }

    private static bool AllUpdated(FleetMarks marks, SyntheticMesh mesh, List<Applied> applied)
    {
        var logs = new Dictionary<int, List<ReceivedResponse>>();
        return applied.All(change => mesh.DependentsOf(change.Service).All(client =>
            FirstUpdate(logs.TryGetValue(client, out var log) ? log : logs[client] = marks.Since(client), mesh, change) is not null));
    }

    private static long? LastAck(SyntheticMesh mesh, Applied change, List<List<ReceivedResponse>> logs, HashSet<int> missed)
    {
        long? last = null;
        foreach (var client in mesh.DependentsOf(change.Service))
        {
            if (FirstUpdate(logs[client], mesh, change) is { } response)
            {
                last = Math.Max(last ?? long.MinValue, response.AckedAt);
            }
            else
            {
                missed.Add(client);
            }
        }

        return last;
    }

    private static ReceivedResponse? FirstUpdate(List<ReceivedResponse> log, SyntheticMesh mesh, Applied change)
    {
        var suffix = "|" + SyntheticConfigs.Hostname(mesh.Spec, change.Service);
        return log.FirstOrDefault(r => r.TypeUrl == TypeUrls.Endpoint && r.ReceivedAt >= change.At && r.Names.Any(n => n.EndsWith(suffix, StringComparison.Ordinal)));
    }
}
