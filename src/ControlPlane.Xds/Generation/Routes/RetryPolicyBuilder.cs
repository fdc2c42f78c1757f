namespace ControlPlane.Xds.Generation.Routes;

using System.Collections.Frozen;
using System.Globalization;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Retry.Host.PreviousHosts.V3;
using Envoy.Extensions.Retry.Priority.PreviousPriorities.V3;

/// <summary>
/// <c>retry.ConvertPolicy</c>. Without a VirtualService policy: 2 retries on connection-level failures, preferring hosts
/// not tried yet, 5 host selection attempts. 503 is not retried by default (never since 1.27). <c>attempts: 0</c> disables
/// retries. Routes with consistent hashing keep the previous host (retrying elsewhere would break stickiness) unless
/// <c>retryIgnorePreviousHosts</c> says otherwise; <c>backoff</c> is the base retry interval.
/// </summary>
internal static class RetryPolicyBuilder
{
    public const string DefaultRetryOn = "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes";

    /// <summary>Codes Go's <c>http.StatusText</c> knows: only those count as status codes inside <c>retryOn</c>.</summary>
    private static readonly FrozenSet<int> KnownStatusCodes = new[]
    {
        100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307, 308,
        400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424,
        425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
    }.ToFrozenSet();

    /// <summary>The default policies, built once: routes without a retry block (most of them) share these instances.</summary>
    private static readonly RetryPolicy SharedDefault = Default(consistentHash: false);
    private static readonly RetryPolicy SharedDefaultForConsistentHash = Default(consistentHash: true);

    /// <summary>The route's retry policy. Without a VirtualService policy, a shared instance: never change the result.</summary>
    public static RetryPolicy? Build(HttpRetry? retry, bool consistentHash)
    {
        if (retry is null)
        {
            return consistentHash ? SharedDefaultForConsistentHash : SharedDefault;
        }

        var policy = Default(consistentHash);

        if (retry.Attempts <= 0)
        {
            return null;
        }

        policy.NumRetries = (uint)retry.Attempts;
        if (!string.IsNullOrEmpty(retry.RetryOn))
        {
            ApplyRetryOn(policy, retry.RetryOn);
        }

        if (retry.PerTryTimeout is { } perTry)
        {
            policy.PerTryTimeout = EnvoyProto.Duration(perTry);
        }

        // An explicit retryIgnorePreviousHosts overrides the default predicate, even on consistent-hash routes.
        if (retry.RetryIgnorePreviousHosts is { } ignorePrevious)
        {
            policy.RetryHostPredicate.Clear();
            if (ignorePrevious)
            {
                policy.RetryHostPredicate.Add(PreviousHosts());
            }
        }

        if (retry.RetryRemoteLocalities == true)
        {
            policy.RetryPriority = new RetryPolicy.Types.RetryPriority
            {
                Name = FilterNames.PreviousPriorities,
                TypedConfig = EnvoyProto.Pack(new PreviousPrioritiesConfig { UpdateFrequency = 2 }),
            };
        }

        if (retry.Backoff is { } backoff)
        {
            policy.RetryBackOff = new RetryPolicy.Types.RetryBackOff { BaseInterval = EnvoyProto.Duration(backoff) };
        }

        return policy;
    }

    private static RetryPolicy Default(bool consistentHash)
    {
        var policy = new RetryPolicy
        {
            NumRetries = 2,
            RetryOn = DefaultRetryOn,
            HostSelectionRetryMaxAttempts = 5,
        };
        if (!consistentHash)
        {
            policy.RetryHostPredicate.Add(PreviousHosts());
        }

        return policy;
    }

    private static RetryPolicy.Types.RetryHostPredicate PreviousHosts() => new()
    {
        Name = FilterNames.PreviousHostsPredicate,
        TypedConfig = EnvoyProto.Pack(new PreviousHostsPredicate()),
    };

    /// <summary>Numbers in retryOn become retriable_status_codes, and <c>retriable-status-codes</c> is added if missing.</summary>
    private static void ApplyRetryOn(RetryPolicy policy, string retryOn)
    {
        var conditions = new List<string>();
        foreach (var raw in retryOn.Split(','))
        {
            var part = raw.Trim();
            if (part.Length == 0)
            {
                continue;
            }

            if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) && KnownStatusCodes.Contains(code))
            {
                policy.RetriableStatusCodes.Add((uint)code);
            }
            else
            {
                conditions.Add(part);
            }
        }

        policy.RetryOn = string.Join(',', conditions);
        if (policy.RetriableStatusCodes.Count > 0 && !policy.RetryOn.Contains("retriable-status-codes", StringComparison.Ordinal))
        {
            policy.RetryOn += ",retriable-status-codes";
        }
    }
}
