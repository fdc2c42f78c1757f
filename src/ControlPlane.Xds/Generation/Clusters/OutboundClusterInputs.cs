namespace ControlPlane.Xds.Generation.Clusters;

using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Caching;
using ControlPlane.Xds.Generation.Endpoints;

/// <summary>
/// Everything the outbound clusters of one service are built from, and nothing else: <see cref="OutboundClusterBuilder"/>
/// receives only this, so it is also the complete cache key. Proxy-specific fields are set only where the output reads
/// them (inline endpoints of DNS clusters, the proxy's locality when a locality setting may reorder those, and its TLS
/// file metadata when the rule originates SIMPLE or MUTUAL TLS), so proxies that differ elsewhere still share the result.
/// <see cref="FallbackSans"/> (ServiceEntry hosts with user TLS only) compares by value, as it is rebuilt per call.
/// </summary>
internal readonly record struct OutboundClusterInputs(
    Identity<Service> ServiceRef,
    Identity<DestinationRule> RuleRef,
    Identity<MeshConfig> MeshRef,
    ImmutableArray<Endpoint> InlineEndpoints,
    bool Ipv6Only,
    string ClusterId,
    Locality? ProxyLocality = null,
    ProxyTlsFiles TlsFiles = default,
    ServiceAccountSans? FallbackSans = null)
{
    public Service Service => ServiceRef.Value!;

    public DestinationRule? Rule => RuleRef.Value;

    public MeshConfig Mesh => MeshRef.Value!;

    public static OutboundClusterInputs From(GenerationContext context, Service service)
    {
        var rule = context.Scope.DestinationRuleFor(service)?.Config;
        var inline = service.Resolution is Resolution.Dns or Resolution.DnsRoundRobin;
        return new OutboundClusterInputs(
            new(service),
            new(rule),
            new(context.Push.Mesh),
            inline ? context.Push.Endpoints.For(service.Key) : default,
            inline && IsIpv6Only(context.Proxy.IpAddresses),
            inline ? context.Proxy.ClusterId : "",
            inline && LocalityLbResolver.MayApplyToInlineEndpoints(rule, context.Push.Mesh) ? ProxyTopology.LocalityOf(context) : null,
            ProxyTlsFiles.From(context.Proxy, rule),
            ServiceAccountSans.For(context, service, rule));
    }

    /// <summary>DNS clusters resolve IPv6 only when every proxy address is IPv6 (V4_ONLY otherwise).</summary>
    private static bool IsIpv6Only(ImmutableArray<string> ips) =>
        !ips.IsDefaultOrEmpty && ips.All(ip => IPAddress.TryParse(ip, out var a) && a.AddressFamily == AddressFamily.InterNetworkV6);
}
