namespace ControlPlane.Kubernetes.Converters;

using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.DestinationRules;

/// <summary>Istio ConnectionPoolSettings (tcp and http) and OutlierDetection.</summary>
internal static class ConnectionPoolConverter
{
    public static ConnectionPoolSettings Convert(FieldReader pool)
    {
        var tcp = pool.Object("tcp");
        var http = pool.Object("http");
        tcp?.Unsupported("tcpKeepalive", "maxConnectionDuration");
        http?.Unsupported("h2UpgradePolicy", "useClientProtocol", "maxConcurrentStreams");
        var tcpIdle = tcp?.Duration("idleTimeout");
        return new ConnectionPoolSettings
        {
            MaxConnections = tcp?.Int("maxConnections", 0),
            ConnectTimeout = tcp?.Duration("connectTimeout"),
            Http1MaxPendingRequests = http?.Int("http1MaxPendingRequests", 0),
            Http2MaxRequests = http?.Int("http2MaxRequests", 0),
            MaxRequestsPerConnection = http?.Int("maxRequestsPerConnection", 0),
            MaxRetries = http?.Int("maxRetries", 0),

            // istiod falls back to the tcp idle timeout when http sets none.
            IdleTimeout = http?.Duration("idleTimeout") ?? tcpIdle,
        };
    }

    public static OutlierDetectionSettings ConvertOutlier(FieldReader outlier)
    {
        outlier.Unsupported("splitExternalLocalOriginErrors", "consecutiveLocalOriginFailures");
        return new OutlierDetectionSettings
        {
            ConsecutiveErrors = outlier.Int("consecutiveErrors", 0),
            Consecutive5xxErrors = outlier.Int("consecutive5xxErrors", 0),
            ConsecutiveGatewayErrors = outlier.Int("consecutiveGatewayErrors", 0),
            Interval = outlier.Duration("interval"),
            BaseEjectionTime = outlier.Duration("baseEjectionTime"),
            MaxEjectionPercent = outlier.Int("maxEjectionPercent", 0, 100),
            MinHealthPercent = outlier.Int("minHealthPercent", 0, 100),
        };
    }
}
