namespace ControlPlane.Interop;

using System.Globalization;
using ControlPlane.Interop.Infrastructure;

/// <summary>
/// DestinationRule cluster policies as the real proxyless gRPC client applies them: circuit breaking on
/// <c>http2MaxRequests</c> (gRFC A32), and outlier detection, which istiod's grpcgen does not send and gRPC (A50) could
/// not act on in Istio's terms anyway, so a failing endpoint is never ejected.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class ClusterPolicyTests(InteropFixture fixture)
{
    private const int ConcurrentCalls = 10;
    private const int MaxRequests = 2;

    [InteropFact]
    public async Task Http2_max_requests_of_2_lets_2_of_10_overlapping_slow_calls_through_and_fails_the_other_8_with_unavailable()
    {
        var cluster = await ServedClusters.FetchAsync(fixture.XdsAddress, $"outbound|{MeshConfigWriter.Port}||{MeshConfigWriter.Host("limited")}");
        Assert.Equal((uint)MaxRequests, Assert.Single(cluster.CircuitBreakers.Thresholds).MaxRequests);

        // Ten calls start 20 ms apart and each takes 500 ms, so all ten overlap; gRPC counts a call once it has started,
        // so the third and later find two in flight.
        var limited = await RunSlowCallsAsync("limited");
        var unlimited = await RunSlowCallsAsync("echo");

        var summary = ClientAssert.Summary(limited);
        ClientAssert.That(summary.Succeeded == MaxRequests && summary.Status("UNAVAILABLE") == ConcurrentCalls - MaxRequests,
            $"expected {MaxRequests} OK and {ConcurrentCalls - MaxRequests} UNAVAILABLE; got statuses {ClientAssert.Format(summary.Statuses)}", limited);
        ClientAssert.That(summary.Errors.All(e => e.Contains("dropped by load balancing policy", StringComparison.Ordinal)),
            $"expected the failures to be the client's own drops; got errors {string.Join(" | ", summary.Errors)}", limited);
        var control = ClientAssert.Summary(unlimited);
        ClientAssert.That(control.Succeeded == ConcurrentCalls,
            $"without a limit (gRPC's default is 1024): expected {ConcurrentCalls} OK; got statuses {ClientAssert.Format(control.Statuses)}", unlimited);
    }

    [InteropFact]
    public async Task Outlier_detection_is_not_sent_as_istiods_grpcgen_so_an_always_failing_endpoint_keeps_failing_its_half()
    {
        var cluster = await ServedClusters.FetchAsync(fixture.XdsAddress, $"outbound|{MeshConfigWriter.Port}|v1|{MeshConfigWriter.Host("outlier")}");
        Assert.Null(cluster.OutlierDetection);

        // v1-a fails every call; retries are off; 60 calls one at a time, 50 ms each, span 3 s: three times the rule's
        // 1 s interval, long enough for an ejection after one error to show, were there one.
        const int calls = 60;
        var run = await InteropClient.RunAsync(
            fixture.XdsPort, MeshConfigWriter.Target("outlier"), calls, fixture.SynczAsync,
            overrides: ["--concurrency", "1", "--measured-header", "x-fail-backend=v1-a", "--measured-header", "x-delay-ms=50"]);

        var summary = ClientAssert.Summary(run);
        var failed = summary.Status("UNAVAILABLE");
        ClientAssert.That(summary.Succeeded + failed == calls && failed >= calls * 0.4 && summary.Backends.Keys.SequenceEqual(["v1-b"]),
            $"expected about half of {calls} calls (round robin over v1-a and v1-b) to keep failing on v1-a, never ejected; " +
            $"got statuses {ClientAssert.Format(summary.Statuses)}, backends {ClientAssert.Format(summary.Backends)}", run);
    }

    private Task<ClientRun> RunSlowCallsAsync(string host) =>
        InteropClient.RunAsync(
            fixture.XdsPort, MeshConfigWriter.Target(host), ConcurrentCalls, fixture.SynczAsync,
            overrides:
            [
                "--concurrency", ConcurrentCalls.ToString(CultureInfo.InvariantCulture), "--stagger-ms", "20",
                "--measured-header", "x-delay-ms=500",
            ]);
}
