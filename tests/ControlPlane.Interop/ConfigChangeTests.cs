namespace ControlPlane.Interop;

using System.Diagnostics;
using ControlPlane.Interop.Infrastructure;

/// <summary>A config file edited while a client runs: the control plane notices, pushes, and the running client follows.</summary>
[Collection(InteropCollection.Name)]
public sealed class ConfigChangeTests(InteropFixture fixture)
{
    private const int BatchSize = 100;

    [InteropFact]
    public async Task Rewriting_the_virtual_service_from_80_20_to_20_80_changes_the_running_clients_split()
    {
        await using var client = InteropClient.StartWatch(fixture.XdsPort, MeshConfigWriter.Target("live"), BatchSize, TimeSpan.FromSeconds(60));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var before = new List<ClientReport>();
        while (before.Count < 4)
        {
            before.Add(await NextBatchAsync(client, "before the change", timeout.Token));
        }

        MeshConfigWriter.WriteLiveVirtualService(fixture.ConfigDirectory, 20, 80);
        var sinceWrite = Stopwatch.StartNew();
        var transition = new List<ClientReport>();
        using var changeTimeout = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        changeTimeout.CancelAfter(TimeSpan.FromSeconds(20));
        do
        {
            transition.Add(await NextBatchAsync(client, "waiting for the new split", changeTimeout.Token));
        }
        while (transition[^1].Version("v2") < BatchSize * 0.6);

        var observedAfter = sinceWrite.Elapsed;
        var after = new List<ClientReport>();
        while (after.Count < 5)
        {
            after.Add(await NextBatchAsync(client, "after the change", timeout.Token));
        }

        await AssertShareAsync(client, before, "before the rewrite", expectedV2Percent: 20, tolerance: 8);
        await AssertShareAsync(client, after, $"after the rewrite (seen {observedAfter.TotalMilliseconds:F0} ms after it)", expectedV2Percent: 80, tolerance: 7);
        var failed = before.Concat(transition).Concat(after).Sum(b => b.Calls - b.Succeeded);
        await AssertAsync(failed == 0, $"{failed} calls failed across the change", client);
        var nacks = SynczNacks.In(await fixture.SynczAsync());
        await AssertAsync(nacks.Count == 0, $"the client NACKed: {string.Join("; ", nacks)}", client);
        client.CloseInput();
    }

    private async Task<ClientReport> NextBatchAsync(NodeProcess client, string phase, CancellationToken cancellationToken)
    {
        try
        {
            while (await client.ReadLineAsync(cancellationToken) is { } line)
            {
                if (ClientReport.TryParse(line) is { Event: "batch" } batch)
                {
                    return batch;
                }

                if (ClientReport.TryParse(line) is { Event: "warmup", Ok: false })
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail(await fixture.ExplainAsync($"timed out {phase}", Output(client)));
        }

        Assert.Fail(await fixture.ExplainAsync($"the watching client stopped {phase}", Output(client)));
        return null!;
    }

    private async Task AssertShareAsync(NodeProcess client, List<ClientReport> batches, string phase, int expectedV2Percent, int tolerance)
    {
        var calls = batches.Sum(b => b.Calls);
        var v2Percent = 100.0 * batches.Sum(b => b.Version("v2")) / calls;
        await AssertAsync(Math.Abs(v2Percent - expectedV2Percent) <= tolerance,
            $"{phase}: expected {expectedV2Percent}% (±{tolerance}) of {calls} calls on v2, saw {v2Percent:F1}%", client);
    }

    // The watching client is still connected here, so the syncz in the message shows what it was sent.
    private async Task AssertAsync(bool condition, string problem, NodeProcess client)
    {
        if (!condition)
        {
            Assert.Fail(await fixture.ExplainAsync(problem, Output(client)));
        }
    }

    private static string Output(NodeProcess client) => $"stdout:\n{client.StandardOutput}\nstderr:\n{client.StandardError}";
}
