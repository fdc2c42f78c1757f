namespace ControlPlane.Interop;

using ControlPlane.Interop.Infrastructure;

/// <summary>
/// VirtualService <c>timeout</c> as the real proxyless gRPC client applies it (gRFC A31, the route's
/// <c>max_stream_duration</c>): the route's limit cuts a call short even when the caller's own deadline is far away.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class TimeoutTests(InteropFixture fixture)
{
    private const int Calls = 20;

    [InteropFact]
    public async Task Route_timeout_of_100_ms_ends_500_ms_calls_with_deadline_exceeded_inside_a_2_s_client_deadline()
    {
        var run = await RunAsync("short");

        var summary = ClientAssert.Summary(run);
        ClientAssert.That(summary.Status("DEADLINE_EXCEEDED") == Calls,
            $"expected {Calls} DEADLINE_EXCEEDED from the 100 ms route timeout (the client allows 2 s); got statuses {ClientAssert.Format(summary.Statuses)}", run);
    }

    [InteropFact]
    public async Task Route_timeout_of_1_s_and_a_route_without_one_let_500_ms_calls_finish()
    {
        var longer = await RunAsync("long");
        var unlimited = await RunAsync("none");

        var withinLimit = ClientAssert.Summary(longer);
        ClientAssert.That(withinLimit.Succeeded == Calls,
            $"1 s route timeout: expected {Calls} OK calls; got statuses {ClientAssert.Format(withinLimit.Statuses)}", longer);
        var noLimit = ClientAssert.Summary(unlimited);
        ClientAssert.That(noLimit.Succeeded == Calls,
            $"no route timeout (max_stream_duration 0s): expected {Calls} OK calls; got statuses {ClientAssert.Format(noLimit.Statuses)}", unlimited);
    }

    // The backend answers measured calls after 500 ms; warm-up calls are answered at once, so resolution is done first.
    private Task<ClientRun> RunAsync(string policy) =>
        InteropClient.RunAsync(
            fixture.XdsPort, MeshConfigWriter.Target("timeouts"), Calls, fixture.SynczAsync, [$"{MeshConfigWriter.PolicyHeader}={policy}"],
            ["--measured-header", "x-delay-ms=500", "--deadline-ms", "2000"]);
}
