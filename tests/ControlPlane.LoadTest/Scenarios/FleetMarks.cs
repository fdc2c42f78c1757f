namespace ControlPlane.LoadTest.Scenarios;

using System.Diagnostics;
using ControlPlane.LoadTest.Clients;

/// <summary>
/// Every client's log position at one moment, so a scenario sees only the responses that arrived after it, plus the
/// waits scenarios share (polling the clients' logs; the latencies themselves come from the clients' own timestamps).
/// </summary>
internal sealed class FleetMarks
{
    private readonly int[] positions;

    private FleetMarks(ClientFleet fleet)
    {
        Fleet = fleet;
        positions = [.. fleet.Clients.Select(c => c.LogCount)];
    }

    public ClientFleet Fleet { get; }

    public static FleetMarks Take(ClientFleet fleet) => new(fleet);

    public List<ReceivedResponse> Since(int client) => Fleet.Clients[client].LogFrom(positions[client]);

    public int TotalSince() => Fleet.Clients.Select((c, i) => c.LogCount - positions[i]).Sum();

    /// <summary>Waits until <paramref name="done"/> holds or the timeout passes; returns whether it held.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> done, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!done())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Waits until no client received anything for <paramref name="quiet"/> (or the timeout passes).</summary>
    public async Task WaitQuietAsync(TimeSpan quiet, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var last = TotalSince();
        var lastChange = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(lastChange) < quiet && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20).ConfigureAwait(false);
            var now = TotalSince();
            if (now != last)
            {
                last = now;
                lastChange = Stopwatch.GetTimestamp();
            }
        }
    }

    public static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
