namespace ControlPlane.Interop;

using ControlPlane.Interop.Infrastructure;

/// <summary>
/// VirtualService fault injection as the real proxyless gRPC client applies it (gRFC A33, on by default in
/// grpc-js-xds 1.14.1): aborts with the configured status and share, and fixed delays that outlast short deadlines.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class FaultInjectionTests(InteropFixture fixture)
{
    [InteropFact]
    public async Task Abort_of_100_percent_fails_every_call_with_the_configured_grpc_status()
    {
        // No call can succeed, so the warm-up ends on the first injected failure instead of on the first OK.
        var run = await RunAsync("abort", calls: 50, "--warmup-codes", "OK,UNAVAILABLE");

        var summary = ClientAssert.Summary(run);
        ClientAssert.That(summary.Succeeded == 0 && summary.Statuses.GetValueOrDefault("UNAVAILABLE") == 50,
            $"expected 50 calls failing with UNAVAILABLE; got statuses {Format(summary.Statuses)}", run);
        ClientAssert.That(summary.Errors.Any(e => e.Contains("Fault injected", StringComparison.Ordinal)),
            $"expected the failures to come from the fault filter; got errors {string.Join(" | ", summary.Errors)}", run);
    }

    [InteropFact]
    public async Task Abort_of_50_percent_fails_about_half_of_400_calls_with_the_mapped_http_status()
    {
        var run = await RunAsync("abort-half", calls: 400);

        var summary = ClientAssert.Summary(run);
        var denied = summary.Statuses.GetValueOrDefault("PERMISSION_DENIED");
        var share = denied / 4.0;
        ClientAssert.That(summary.Succeeded + denied == 400 && Math.Abs(share - 50) <= 10,
            $"expected about half of 400 calls to fail with PERMISSION_DENIED (HTTP 403), ±10 points; got statuses {Format(summary.Statuses)}", run);
    }

    [InteropFact]
    public async Task Fixed_delay_of_300_ms_outlasts_a_100_ms_deadline_but_not_a_2_s_one()
    {
        // Warm-up calls get 2 s, so resolution completes; the measured calls then get 100 ms.
        var shortDeadline = await RunAsync("delay", calls: 20, "--deadline-ms", "100", "--warmup-deadline-ms", "2000");
        var longDeadline = await RunAsync("delay", calls: 20, "--deadline-ms", "2000");

        var expired = ClientAssert.Summary(shortDeadline);
        ClientAssert.That(expired.Statuses.GetValueOrDefault("DEADLINE_EXCEEDED") == 20,
            $"100 ms deadline: expected 20 DEADLINE_EXCEEDED; got statuses {Format(expired.Statuses)}", shortDeadline);
        var delayed = ClientAssert.Summary(longDeadline);
        ClientAssert.That(delayed.Succeeded == 20 && delayed.Version("v1") == 20,
            $"2 s deadline: expected 20 OK calls to v1 (the mirror and CORS policy left out, the route kept); got statuses {Format(delayed.Statuses)}", longDeadline);
    }

    private Task<ClientRun> RunAsync(string host, int calls, params string[] overrides) =>
        InteropClient.RunAsync(fixture.XdsPort, MeshConfigWriter.Target(host), calls, fixture.SynczAsync, overrides: overrides);

    private static string Format(IReadOnlyDictionary<string, int> counts) =>
        "{" + string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}")) + "}";
}
