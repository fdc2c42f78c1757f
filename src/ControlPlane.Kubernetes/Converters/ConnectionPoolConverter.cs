namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.DestinationRules;

/// <summary>Istio ConnectionPoolSettings (tcp and http) and OutlierDetection.</summary>
internal static class ConnectionPoolConverter
{
    private static readonly FrozenDictionary<string, H2UpgradePolicy> H2UpgradePolicies =
        new Dictionary<string, H2UpgradePolicy>(StringComparer.Ordinal)
        {
            ["DEFAULT"] = H2UpgradePolicy.Default,
            ["DO_NOT_UPGRADE"] = H2UpgradePolicy.DoNotUpgrade,
            ["UPGRADE"] = H2UpgradePolicy.Upgrade,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ConnectionPoolSettings Convert(FieldReader pool)
    {
        var tcp = pool.Object("tcp");
        var http = pool.Object("http");
        var h2Upgrade = http?.Enum("h2UpgradePolicy", H2UpgradePolicies) ?? H2UpgradePolicy.Default;
        var useClientProtocol = http?.Bool("useClientProtocol") ?? false;
        if (h2Upgrade == H2UpgradePolicy.Upgrade && useClientProtocol)
        {
            http!.Error("useClientProtocol", "use client protocol must not be true when H2UpgradePolicy is UPGRADE");
        }

        return new ConnectionPoolSettings
        {
            MaxConnections = tcp?.Int("maxConnections", 0),
            ConnectTimeout = tcp?.Duration("connectTimeout"),
            Http1MaxPendingRequests = http?.Int("http1MaxPendingRequests", 0),
            Http2MaxRequests = http?.Int("http2MaxRequests", 0),
            MaxRequestsPerConnection = http?.Int("maxRequestsPerConnection", 0),
            MaxRetries = http?.Int("maxRetries", 0),

            HttpIdleTimeout = http?.Duration("idleTimeout"),
            TcpIdleTimeout = tcp?.Duration("idleTimeout"),
            TcpKeepalive = tcp?.Object("tcpKeepalive") is { } keepalive ? ConvertKeepalive(keepalive) : null,
            MaxConnectionDuration = tcp is null ? null : IstioDurationRules.Read(tcp, "maxConnectionDuration"),
            H2UpgradePolicy = h2Upgrade,
            UseClientProtocol = useClientProtocol,
            MaxConcurrentStreams = http?.Int("maxConcurrentStreams", 0),
        };
    }

    public static OutlierDetectionSettings ConvertOutlier(FieldReader outlier)
    {
        var split = outlier.Bool("splitExternalLocalOriginErrors") ?? false;
        var localOrigin = outlier.Int("consecutiveLocalOriginFailures", 0);
        if (!split && localOrigin > 0)
        {
            outlier.Error(
                "consecutiveLocalOriginFailures",
                "outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false");
        }

        return new OutlierDetectionSettings
        {
            SplitExternalLocalOriginErrors = split,
            ConsecutiveLocalOriginFailures = (uint?)localOrigin,
            ConsecutiveErrors = outlier.Int("consecutiveErrors", 0),
            Consecutive5xxErrors = outlier.Int("consecutive5xxErrors", 0),
            ConsecutiveGatewayErrors = outlier.Int("consecutiveGatewayErrors", 0),
            Interval = outlier.Duration("interval"),
            BaseEjectionTime = outlier.Duration("baseEjectionTime"),
            MaxEjectionPercent = outlier.Int("maxEjectionPercent", 0, 100),
            MinHealthPercent = outlier.Int("minHealthPercent", 0, 100),
        };
    }

    /// <summary><c>tcpKeepalive</c>: Envoy takes whole seconds; durations are checked as istiod's <c>ValidateDuration</c>.</summary>
    private static TcpKeepaliveSettings ConvertKeepalive(FieldReader keepalive) => new()
    {
        Probes = (uint)(keepalive.Int("probes", 0) ?? 0),
        Time = IstioDurationRules.Read(keepalive, "time"),
        Interval = IstioDurationRules.Read(keepalive, "interval"),
    };
}
