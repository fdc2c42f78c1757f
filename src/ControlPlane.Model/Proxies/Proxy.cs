namespace ControlPlane.Model.Proxies;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Model.Services;

/// <summary>
/// A connected proxy as the node on its first request describes it. Immutable: it carries no per-push state.
/// </summary>
public sealed record Proxy
{
    /// <summary>The full node id, e.g. <c>sidecar~10.1.0.5~reviews-v1-abc.default~default.svc.cluster.local</c>.</summary>
    public required string Id { get; init; }

    public ProxyType Type { get; init; } = ProxyType.Sidecar;

    public ProxyKind Kind { get; init; } = ProxyKind.Envoy;

    public ImmutableArray<string> IpAddresses { get; init; } = [];

    /// <summary>The <c>POD.NS</c> field of the node id.</summary>
    public string WorkloadName { get; init; } = "";

    public string Namespace { get; init; } = "";

    /// <summary>The DNS domain field, e.g. <c>default.svc.cluster.local</c>.</summary>
    public string DnsDomain { get; init; } = "";

    public FrozenDictionary<string, string> Labels { get; init; } = FrozenDictionary<string, string>.Empty;

    public string ClusterId { get; init; } = "";

    /// <summary>The Envoy node's <c>locality</c> (region/zone/sub_zone) as the proxy reported it; unknown when it sent none.</summary>
    public Locality Locality { get; init; } = Locality.Unknown;

    public string IstioVersion { get; init; } = "";

    /// <summary>Interception mode (<c>REDIRECT</c>, <c>TPROXY</c>, <c>NONE</c>); NONE suppresses the virtual listeners.</summary>
    public string InterceptionMode { get; init; } = "REDIRECT";

    /// <summary>Every string-valued node metadata field, for debug output.</summary>
    public FrozenDictionary<string, string> Metadata { get; init; } = FrozenDictionary<string, string>.Empty;

    public string PrimaryIp => IpAddresses.IsDefaultOrEmpty ? "" : IpAddresses[0];

    /// <summary>The <c>POD.NS</c> form used by istioctl and <c>/debug/config_dump?proxyID=</c>.</summary>
    public string ShortId => WorkloadName;
}
