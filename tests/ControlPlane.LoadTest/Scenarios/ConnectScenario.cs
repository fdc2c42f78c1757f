namespace ControlPlane.LoadTest.Scenarios;

using ControlPlane.LoadTest.Clients;
using ControlPlane.LoadTest.Reporting;

/// <summary>
/// Every client opens its stream at once; a client's latency is the time until it ACKed a complete initial configuration
/// (CDS, LDS, EDS for every EDS cluster, RDS for every route name). Clients that do not converge within the timeout are
/// counted as missed and given the timeout as latency.
/// </summary>
internal static class ConnectScenario
{
    public static async Task<ScenarioResult> RunAsync(ClientFleet fleet, TimeSpan timeout)
    {
        var marks = FleetMarks.Take(fleet);
        var start = fleet.ConnectAll();
        var converged = await fleet.WaitConvergedAsync(timeout).ConfigureAwait(false);
        var latencies = converged.Select(c => c is { } at ? FleetMarks.Milliseconds(start, at) : timeout.TotalMilliseconds).ToList();
        var logs = Enumerable.Range(0, fleet.Clients.Length).Select(marks.Since).ToList();
        return ScenarioResult.FromLatencies(latencies) with
        {
            ClientsPushed = logs.Count(l => l.Count > 0),
            ClientsDependent = fleet.Clients.Length,
            ClientsDependentMissed = converged.Count(c => c is null),
            BytesSent = logs.Sum(l => l.Sum(r => (long)r.Bytes)),
            Responses = logs.Sum(l => l.Count),
            Changes = 1,
        };
    }
}
