namespace ControlPlane.Interop;

using ControlPlane.Interop.Infrastructure;

/// <summary>
/// VirtualService <c>retries</c> as the real proxyless gRPC client applies them (gRFC A44, <c>retry_policy</c> on the
/// route). The backend fails the first attempts of every call with UNAVAILABLE and reports which attempt it answered
/// (gRPC numbers retries in <c>grpc-previous-rpc-attempts</c>), so the outcome is exact, whichever backend each attempt
/// reaches.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class RetryTests(InteropFixture fixture)
{
    private const int Calls = 20;

    [InteropFact]
    public async Task Attempts_3_on_unavailable_retry_a_call_whose_first_3_attempts_fail_until_the_4th_succeeds()
    {
        var run = await RunAsync("retry", failedAttempts: 3);

        var summary = ClientAssert.Summary(run);
        ClientAssert.That(summary.Succeeded == Calls && summary.ServerAttempts.GetValueOrDefault("4") == Calls,
            $"expected {Calls} OK calls, each answered on attempt 4; got statuses {ClientAssert.Format(summary.Statuses)}, " +
            $"answered on attempts {ClientAssert.Format(summary.ServerAttempts)}", run);
    }

    [InteropFact]
    public async Task Attempts_0_turn_retries_off_so_every_failed_first_attempt_reaches_the_caller()
    {
        var run = await RunAsync("no-retry", failedAttempts: 1);

        var summary = ClientAssert.Summary(run);
        ClientAssert.That(summary.Status("UNAVAILABLE") == Calls,
            $"expected {Calls} calls failing with UNAVAILABLE; got statuses {ClientAssert.Format(summary.Statuses)}", run);
    }

    [InteropFact]
    public async Task Retry_on_internal_retries_internal_failures_but_lets_unavailable_ones_through()
    {
        var internalFailure = await RunAsync("internal-only", failedAttempts: 1, "INTERNAL");
        var unavailable = await RunAsync("internal-only", failedAttempts: 1, "UNAVAILABLE");

        var retried = ClientAssert.Summary(internalFailure);
        ClientAssert.That(retried.Succeeded == Calls && retried.ServerAttempts.GetValueOrDefault("2") == Calls,
            $"INTERNAL on attempt 1: expected {Calls} OK calls answered on attempt 2; got statuses {ClientAssert.Format(retried.Statuses)}, " +
            $"answered on attempts {ClientAssert.Format(retried.ServerAttempts)}", internalFailure);
        var notRetried = ClientAssert.Summary(unavailable);
        ClientAssert.That(notRetried.Status("UNAVAILABLE") == Calls,
            $"UNAVAILABLE on attempt 1: expected {Calls} UNAVAILABLE (not a retryOn condition); got statuses {ClientAssert.Format(notRetried.Statuses)}", unavailable);
    }

    [InteropFact]
    public async Task A_rule_without_retries_gets_istios_default_of_2_retries_on_unavailable()
    {
        // istiod's default policy (2 retries) reaches proxyless routes too: 2 failed attempts are absorbed, 3 are not.
        var absorbed = await RunAsync("istio-default", failedAttempts: 2);
        var exhausted = await RunAsync("istio-default", failedAttempts: 3);

        var retried = ClientAssert.Summary(absorbed);
        ClientAssert.That(retried.Succeeded == Calls && retried.ServerAttempts.GetValueOrDefault("3") == Calls,
            $"2 failed attempts: expected {Calls} OK calls answered on attempt 3; got statuses {ClientAssert.Format(retried.Statuses)}, " +
            $"answered on attempts {ClientAssert.Format(retried.ServerAttempts)}", absorbed);
        var failed = ClientAssert.Summary(exhausted);
        ClientAssert.That(failed.Status("UNAVAILABLE") == Calls,
            $"3 failed attempts: expected {Calls} UNAVAILABLE (3 attempts in all); got statuses {ClientAssert.Format(failed.Statuses)}", exhausted);
    }

    // The rule is picked by x-policy on every call; the failures are asked for on the measured calls only.
    private Task<ClientRun> RunAsync(string policy, int failedAttempts, string failureCode = "UNAVAILABLE") =>
        InteropClient.RunAsync(
            fixture.XdsPort, MeshConfigWriter.Target("retries"), Calls, fixture.SynczAsync, [$"{MeshConfigWriter.PolicyHeader}={policy}"],
            ["--measured-header", $"x-fail-attempts={failedAttempts}", "--measured-header", $"x-fail-code={failureCode}"]);
}
