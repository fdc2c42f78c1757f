namespace ControlPlane.Xds.Serving;

using ControlPlane.Xds.Metrics;
using ControlPlane.Xds.Pushing;
using Microsoft.Extensions.Logging;

/// <summary>
/// Clock, metrics and logs of the streams, shared by both protocols: records what each request decision and each push
/// means for <c>pilot_total_xds_rejects</c>, the per-type reject gauges, <c>pilot_xds_expired_nonce</c>,
/// <c>pilot_proxy_queue_time</c> and <c>pilot_proxy_convergence_time</c>. Thread-safe.
/// </summary>
internal sealed class StreamTelemetry(XdsMetrics metrics, TimeProvider time, ILogger<StreamTelemetry> logger)
{
    private const int MaxLoggedMessage = 500;

    public TimeProvider Time => time;

    public XdsMetrics Metrics => metrics;

    public ILogger Logger => logger;

    public DateTimeOffset Now => time.GetUtcNow();

    public void Record(XdsConnection connection, RequestDecision decision, string typeUrl, string nonce)
    {
        if (decision.NackingDelta != 0)
        {
            metrics.NackingChanged(typeUrl, decision.NackingDelta);
        }

        switch (decision.Outcome)
        {
            case RequestOutcome.Nack:
                metrics.Rejected(typeUrl);
                var nack = decision.Subscription!.LastNack!;
                var message = nack.Message.Length > MaxLoggedMessage ? nack.Message[..MaxLoggedMessage] + "..." : nack.Message;
                ServingLog.Nacked(logger, connection.Id, typeUrl, nack.Nonce, nack.KeptVersion, message);
                break;
            case RequestOutcome.Stale:
                metrics.ExpiredNonce(typeUrl);
                ServingLog.Stale(logger, connection.Id, typeUrl, nonce, decision.Subscription?.SentNonce ?? "");
                break;
            case RequestOutcome.Ack:
                ServingLog.Acked(logger, connection.Id, typeUrl, nonce);
                break;
            case RequestOutcome.Unsubscribe:
                ServingLog.Unsubscribed(logger, connection.Id, typeUrl);
                break;
        }
    }

    public void PushStarted(XdsConnection connection, PendingPush push, IReadOnlyList<PlannedType> plan)
    {
        metrics.Queued((Now - push.EnqueuedAt).TotalSeconds);
        ServingLog.Pushing(logger, connection.Id, push.Context.Version, push.Request.Full, new PlanText(plan));
    }

    /// <summary>Convergence is measured from the first change the (merged) request describes to the last type sent.</summary>
    public void PushFinished(PendingPush push) => metrics.Converged((Now - push.Request.Start).TotalSeconds);
}
