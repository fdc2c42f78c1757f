namespace ControlPlane.Xds;

/// <summary>xDS type URLs: the one place they are spelled.</summary>
public static class TypeUrls
{
    public const string Prefix = "type.googleapis.com/";
    public const string Cluster = Prefix + "envoy.config.cluster.v3.Cluster";
    public const string Endpoint = Prefix + "envoy.config.endpoint.v3.ClusterLoadAssignment";
    public const string Listener = Prefix + "envoy.config.listener.v3.Listener";
    public const string Route = Prefix + "envoy.config.route.v3.RouteConfiguration";

    /// <summary>Istio's debug types, answered on the ADS stream (istioctl proxy-status).</summary>
    public const string DebugSyncz = "istio.io/debug/syncz";
    public const string DebugConfigDump = "istio.io/debug/config_dump";

    /// <summary>Istio's push order: CDS, EDS, LDS, RDS (clusters warm before listeners reference them).</summary>
    public static readonly IReadOnlyList<string> PushOrder = [Cluster, Endpoint, Listener, Route];

    /// <summary>Types whose state-of-the-world responses must carry every resource (a missing one is a deletion).</summary>
    public static bool IsWildcardType(string typeUrl) => typeUrl is Cluster or Listener;

    public static string ShortName(string typeUrl) => typeUrl switch
    {
        Cluster => "cds",
        Endpoint => "eds",
        Listener => "lds",
        Route => "rds",
        _ => typeUrl,
    };
}
