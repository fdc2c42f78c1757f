namespace ControlPlane.LoadTest.Scenarios;

using System.Collections.Immutable;
using ControlPlane.LoadTest.Clients;
using ControlPlane.LoadTest.Hosting;
using ControlPlane.LoadTest.Reporting;

/// <summary>
/// One config change (a VirtualService, or a mesh-wide one), debounce included. A dependent client's latency runs from
/// the apply to the ACK of the last response it received before the fleet went quiet; clients that received anything
/// without depending on the change are false fan-out.
/// </summary>
internal static class SingleChangeScenario
{
    public static async Task<ScenarioResult> RunAsync(ClientFleet fleet, IControlPlaneTarget target, MeshChange change, ImmutableArray<int> dependents, TimeSpan settle)
    {
        var marks = FleetMarks.Take(fleet);
        var appliedAt = await target.ApplyAsync(change).ConfigureAwait(false);
        await FleetMarks.WaitUntilAsync(() => dependents.All(c => marks.Since(c).Count > 0), settle).ConfigureAwait(false);
        await marks.WaitQuietAsync(TimeSpan.FromMilliseconds(500), settle).ConfigureAwait(false);

        var logs = Enumerable.Range(0, fleet.Clients.Length).Select(marks.Since).ToList();
        var dependent = dependents.ToHashSet();
        var latencies = dependents
            .Where(c => logs[c].Count > 0)
            .Select(c => FleetMarks.Milliseconds(appliedAt, logs[c].Max(r => r.AckedAt)))
            .ToList();
        var pushed = Enumerable.Range(0, logs.Count).Where(i => logs[i].Count > 0).ToList();
        return ScenarioResult.FromLatencies(latencies) with
        {
            ClientsPushed = pushed.Count,
            ClientsDependent = dependent.Count,
            ClientsPushedNotDependent = pushed.Count(c => !dependent.Contains(c)),
            ClientsDependentMissed = dependents.Count(c => logs[c].Count == 0),
            BytesSent = logs.Sum(l => l.Sum(r => (long)r.Bytes)),
            Responses = logs.Sum(l => l.Count),
            Changes = 1,
        };
    }
}
