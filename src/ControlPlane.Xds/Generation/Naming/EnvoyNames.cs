namespace ControlPlane.Xds.Generation.Naming;

/// <summary>
/// Literal resource, chain and route names istiod emits (<c>pilot/pkg/networking/util</c>, <c>pilot/pkg/model</c>).
/// Dashboards, istioctl and EnvoyFilters match on them, so they are never derived.
/// </summary>
internal static class EnvoyNames
{
    public const string BlackHoleCluster = "BlackHoleCluster";
    public const string PassthroughCluster = "PassthroughCluster";
    public const string InboundPassthroughCluster = "InboundPassthroughCluster";

    public const string VirtualOutboundListener = "virtualOutbound";
    public const string VirtualInboundListener = "virtualInbound";
    public const string VirtualOutboundBlackholeChain = "virtualOutbound-blackhole";
    public const string VirtualOutboundCatchAllTcpChain = "virtualOutbound-catchall-tcp";
    public const string VirtualInboundBlackholeChain = "virtualInbound-blackhole";
    public const string VirtualInboundCatchAllHttpChain = "virtualInbound-catchall-http";
    public const string PassthroughFilterChain = "PassthroughFilterChain";

    /// <summary>Catch-all virtual hosts and routes of outbound route configurations.</summary>
    public const string AllowAnyRoute = "allow_any";
    public const string BlockAllRoute = "block_all";
    public const string DefaultRoute = "default";

    /// <summary>Prefix of the inbound virtual host name: <c>inbound|http|&lt;servicePort&gt;</c>.</summary>
    public const string InboundVirtualHostPrefix = "inbound|http|";

    /// <summary>
    /// Source address of upstream connections from inbound clusters; iptables skips it, so traffic to the app is not
    /// captured again (<c>InboundPassthroughBindIpv4</c>).
    /// </summary>
    public const string InboundPassthroughBindIpv4 = "127.0.0.6";

    public const string WildcardIpv4 = "0.0.0.0";
    public const string LocalhostIpv4 = "127.0.0.1";

    /// <summary>Appended to alt_stat_name and stat_prefix; the 1.23+ bootstrap tag regexes expect it (<c>DelimitedStatsPrefix</c>).</summary>
    public const string StatPrefixDelimiter = ";";

    public static string Delimited(string statPrefix) => statPrefix + StatPrefixDelimiter;

    /// <summary><c>getListenerName</c>: <c>&lt;bind&gt;_&lt;port&gt;</c>.</summary>
    public static string Listener(string bind, int port) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bind}_{port}");
}
