namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio HTTPRetry.</summary>
internal static class HttpRetryConverter
{
    /// <summary>Envoy retry conditions istiod accepts in <c>retryOn</c> (besides HTTP status codes).</summary>
    private static readonly FrozenSet<string> RetryConditions = new[]
    {
        "5xx", "gateway-error", "reset", "reset-before-request", "connect-failure", "envoy-ratelimited", "retriable-4xx",
        "refused-stream", "retriable-status-codes", "retriable-headers", "http3-post-connect-failure", "cancelled",
        "deadline-exceeded", "internal", "resource-exhausted", "unavailable",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static HttpRetry Convert(FieldReader retries)
    {
        var attempts = retries.Int("attempts", 0) ?? 0;
        var perTryTimeout = retries.Duration("perTryTimeout");
        var retryOn = retries.String("retryOn");
        CheckRetryOn(retries, retryOn);
        if (attempts == 0 && (perTryTimeout is not null || retryOn is not null || retries.Has("retryRemoteLocalities")))
        {
            retries.Error("attempts", "http retry policy configured when attempts are set to 0 (disabled)");
        }

        return new HttpRetry(attempts, perTryTimeout, retryOn)
        {
            RetryRemoteLocalities = retries.Bool("retryRemoteLocalities"),
            RetryIgnorePreviousHosts = retries.Bool("retryIgnorePreviousHosts"),
            Backoff = IstioDurationRules.Read(retries, "backoff"),
        };
    }

    private static void CheckRetryOn(FieldReader retries, string? retryOn)
    {
        if (retryOn is null)
        {
            return;
        }

        foreach (var condition in retryOn.Split(',', StringSplitOptions.TrimEntries))
        {
            var isStatus = int.TryParse(condition, out var code) && code is >= 100 and <= 599;
            if (!isStatus && !RetryConditions.Contains(condition))
            {
                retries.Error("retryOn", $"'{condition}' is not a retry condition or an HTTP status code");
            }
        }
    }
}
