namespace ControlPlane.Model.Mesh;

using System.Collections.Immutable;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.Sidecars;

/// <summary>The MeshConfig fields translation reads, with istiod's defaults.</summary>
public sealed record MeshConfig
{
    public static readonly MeshConfig Default = new();

    /// <summary>Namespace whose namespace-wide Sidecar applies to namespaces without their own.</summary>
    public string RootNamespace { get; init; } = "istio-system";

    /// <summary>Kubernetes DNS suffix (istiod's <c>--domain</c>).</summary>
    public string DomainSuffix { get; init; } = "cluster.local";

    public string TrustDomain { get; init; } = "cluster.local";

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>h2UpgradePolicy</c>: whether outbound clusters of HTTP ports speak HTTP/2 upstream unless their DestinationRule
    /// decides. istiod's default is DO_NOT_UPGRADE.
    /// </summary>
    public H2UpgradePolicy H2UpgradePolicy { get; init; } = H2UpgradePolicy.DoNotUpgrade;

    /// <summary><c>tcpKeepalive</c>: upstream keepalive on every cluster, each field overridable by a DestinationRule's; null = none.</summary>
    public TcpKeepaliveSettings? TcpKeepalive { get; init; }

    public MeshTlsDefaults TlsDefaults { get; init; } = MeshTlsDefaults.None;

    public int ProxyListenPort { get; init; } = 15001;

    public int ProxyInboundListenPort { get; init; } = 15006;

    public OutboundTrafficPolicyMode OutboundTrafficPolicy { get; init; } = OutboundTrafficPolicyMode.AllowAny;

    public InboundTrafficPolicyMode InboundTrafficPolicy { get; init; } = InboundTrafficPolicyMode.Passthrough;

    public TimeSpan ProtocolDetectionTimeout { get; init; } = TimeSpan.Zero;

    public TimeSpan DnsRefreshRate { get; init; } = TimeSpan.FromSeconds(60);

    public bool EnableAutoMtls { get; init; } = true;

    /// <summary>
    /// Mesh-wide <c>localityLbSetting</c>, used for services whose DestinationRule sets none. istiod's default is enabled
    /// with no weights or failover, which still turns on locality failover wherever outlier detection is configured.
    /// </summary>
    public LocalityLbSetting LocalityLbSetting { get; init; } = LocalityLbSetting.MeshDefault;

    /// <summary>
    /// Namespaces the mesh discovers; empty means every namespace. The array compares by reference, so equal selectors
    /// parsed twice make unequal records; harmless, since applying any MeshConfig is a global push anyway.
    /// </summary>
    public ImmutableArray<DiscoverySelector> DiscoverySelectors { get; init; } = [];
}
