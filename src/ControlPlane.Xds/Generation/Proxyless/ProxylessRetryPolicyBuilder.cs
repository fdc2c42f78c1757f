namespace ControlPlane.Xds.Generation.Proxyless;

using ControlPlane.Model.Config.VirtualServices;
using Envoy.Config.Route.V3;

/// <summary>
/// VirtualService <c>retries</c> as a gRPC retry policy (gRFC A44). gRPC honours only gRPC status names in
/// <c>retry_on</c> and <c>num_retries</c> (at least 1); HTTP conditions such as <c>5xx</c> or <c>connect-failure</c> and
/// <c>perTryTimeout</c> mean nothing to it and are dropped, as is <c>retryIgnorePreviousHosts</c> (gRPC has no host
/// predicates); <c>backoff</c> becomes <c>retry_back_off.base_interval</c>. Without a VirtualService retry block a route
/// gets istiod's default policy, because istiod's grpcgen builds proxyless routes with the sidecar route code
/// (<c>retry.ConvertPolicy</c>): 2 retries, of which gRPC honours <c>unavailable,cancelled</c>. <c>attempts: 0</c> turns
/// retries off, as in istiod.
/// </summary>
internal static class ProxylessRetryPolicyBuilder
{
    /// <summary>The codes grpc-js maps (resolver-xds RETRY_CODES), in A44's order.</summary>
    private static readonly string[] SupportedCodes = ["cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable"];

    /// <summary>istiod's default <c>retry_on</c>: for routes without a retry block, and blocks without <c>retryOn</c>.</summary>
    private const string IstioDefaultRetryOn = "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes";

    /// <summary>istiod's default number of retries when a route has no retry block.</summary>
    private const int IstioDefaultAttempts = 2;

    /// <summary>The policy, or null when retries are off (attempts 0) or no condition is one gRPC understands.</summary>
    public static RetryPolicy? Build(HttpRetry? retry)
    {
        retry ??= new HttpRetry(IstioDefaultAttempts, null, null);
        if (retry.Attempts <= 0)
        {
            return null;
        }

        var requested = (retry.RetryOn ?? IstioDefaultRetryOn)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var codes = SupportedCodes.Where(requested.Contains).ToArray();
        if (codes.Length == 0)
        {
            return null;
        }

        var policy = new RetryPolicy { RetryOn = string.Join(',', codes), NumRetries = (uint)retry.Attempts };
        if (retry.Backoff is { } backoff)
        {
            // A44 reads retry_back_off.base_interval (max_interval defaults to ten times it), as Envoy does.
            policy.RetryBackOff = new RetryPolicy.Types.RetryBackOff { BaseInterval = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(backoff) };
        }

        return policy;
    }
}
