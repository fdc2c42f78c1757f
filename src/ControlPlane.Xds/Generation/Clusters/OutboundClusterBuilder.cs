namespace ControlPlane.Xds.Generation.Clusters;

using System.Collections.Immutable;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Endpoints;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// Outbound clusters of one service (<c>buildOutboundClusters</c> + <c>applyDestinationRule</c>): per non-UDP port the
/// default cluster <c>outbound|port||host</c>, then one per DestinationRule subset. Built from
/// <see cref="OutboundClusterInputs"/> alone, so the result can be cached under them and shared by every proxy.
/// </summary>
internal static class OutboundClusterBuilder
{
    /// <summary>The clusters of <paramref name="service"/> as the proxy of <paramref name="context"/> sees them.</summary>
    public static IEnumerable<Cluster> Build(GenerationContext context, Service service) =>
        Build(OutboundClusterInputs.From(context, service));

    /// <summary>The packed clusters for <paramref name="inputs"/>: the unit the CDS cache stores.</summary>
    public static ImmutableArray<NamedResource> BuildPacked(OutboundClusterInputs inputs) =>
        [.. Build(inputs).Select(c => new NamedResource(c.Name, EnvoyProto.Pack(c)))];

    public static IEnumerable<Cluster> Build(OutboundClusterInputs inputs)
    {
        var service = inputs.Service;
        if (DiscoveryTypeOf(service) is not { } type)
        {
            yield break;
        }

        var rule = inputs.Rule;
        foreach (var port in service.Ports)
        {
            if (port.Protocol == Protocol.Udp)
            {
                continue;
            }

            var draft = CreateServiceCluster(inputs, port, type, subset: null);
            if (draft is null)
            {
                continue;
            }

            var policy = TrafficPolicies.ForPort(rule?.TrafficPolicy, port.Port);
            ClusterTrafficPolicy.Apply(draft, policy, inputs.Mesh, outbound: true, inputs.ProxyLocality, port.Protocol);
            ApplyTls(draft, policy, inputs);
            Finish(draft.Cluster, service, rule, subset: null, port.Port);
            var defaultType = draft.Cluster.Type;
            yield return draft.Build();

            foreach (var subset in rule?.Subsets ?? [])
            {
                if (BuildSubset(inputs, port, defaultType, rule!, subset) is { } subsetCluster)
                {
                    yield return subsetCluster;
                }
            }
        }
    }

    /// <summary><c>convertResolution</c> for sidecars; Alias (ExternalName) services get no cluster.</summary>
    public static Cluster.Types.DiscoveryType? DiscoveryTypeOf(Service service) => service.Resolution switch
    {
        Resolution.ClientSideLb => Cluster.Types.DiscoveryType.Eds,
        Resolution.Dns => Cluster.Types.DiscoveryType.StrictDns,
        Resolution.DnsRoundRobin => Cluster.Types.DiscoveryType.LogicalDns,
        Resolution.Passthrough => Cluster.Types.DiscoveryType.OriginalDst,
        _ => null,
    };

    /// <summary>
    /// <c>buildSubsetCluster</c>: same discovery type as the default cluster (after its policy), unless the subset load
    /// balancer is PASSTHROUGH; the subset's policy is merged over the rule's.
    /// </summary>
    private static Cluster? BuildSubset(
        OutboundClusterInputs inputs, ServicePort port, Cluster.Types.DiscoveryType defaultType, DestinationRule rule, Subset subset)
    {
        var isPassthrough = subset.TrafficPolicy?.LoadBalancer?.Simple == SimpleLoadBalancer.Passthrough;
        var type = isPassthrough ? Cluster.Types.DiscoveryType.OriginalDst : defaultType;
        var draft = CreateServiceCluster(inputs, port, type, subset);
        if (draft is null)
        {
            return null;
        }

        var policy = TrafficPolicies.ForSubset(rule.TrafficPolicy, subset.TrafficPolicy, port.Port);
        ClusterTrafficPolicy.Apply(draft, policy, inputs.Mesh, outbound: true, inputs.ProxyLocality, port.Protocol);
        ApplyTls(draft, policy, inputs);
        Finish(draft.Cluster, inputs.Service, rule, subset, port.Port);
        return draft.Build();
    }

    /// <summary>
    /// Last steps of <c>applyTrafficPolicy</c>: TLS, so that ALPN sees whether the cluster became HTTP/2, then the PROXY
    /// protocol wrapper around whatever transport socket that left.
    /// </summary>
    private static void ApplyTls(ClusterDraft draft, TrafficPolicy? policy, OutboundClusterInputs inputs)
    {
        UpstreamTlsBuilder.Apply(draft, policy?.Tls, inputs);
        UpstreamProxyProtocol.Apply(draft.Cluster, policy?.ProxyProtocol);
    }

    private static ClusterDraft? CreateServiceCluster(
        OutboundClusterInputs inputs, ServicePort port, Cluster.Types.DiscoveryType type, Subset? subset)
    {
        var service = inputs.Service;
        var name = ClusterName.Outbound(port.Port, subset?.Name ?? "", service.Hostname);
        var endpoints = type is Cluster.Types.DiscoveryType.Eds or Cluster.Types.DiscoveryType.OriginalDst
            ? null
            : InlineEndpoints(inputs, port, subset);
        var draft = ClusterFactory.Create(inputs.Mesh, inputs.Ipv6Only, name, type, port, endpoints);
        if (draft is not null)
        {
            ClusterFactory.AddServices(draft.Cluster, [service]);
        }

        return draft;
    }

    /// <summary>The load assignment of STATIC/DNS clusters, built like EDS (<c>FromServiceEndpoints</c>).</summary>
    private static List<LocalityLbEndpoints> InlineEndpoints(OutboundClusterInputs inputs, ServicePort port, Subset? subset)
    {
        var service = inputs.Service;
        var rule = inputs.Rule;
        var labels = subset is { Labels.Count: > 0 } ? subset.Labels : null;
        var selected = EndpointSelection.Select(inputs.InlineEndpoints.IsDefault ? [] : inputs.InlineEndpoints, service, port, labels, requireIpAddress: false);
        var endpoints = new LbEndpointBuilder(service, inputs.ClusterId);
        return LocalityEndpointsBuilder.Build(selected, e => endpoints.Build(e, EndpointMutualTls.IsEnabled(e, rule, subset?.Name ?? "", port.Port)));
    }

    /// <summary>EDS config, metadata exchange, and the <c>istio</c> metadata istioctl reads (rule path, subset, external).</summary>
    private static void Finish(Cluster cluster, Service service, DestinationRule? rule, Subset? subset, int port)
    {
        ClusterFactory.MaybeApplyEdsConfig(cluster);
        cluster.Filters.Add(MetadataExchange.ClusterFilter());
        var istio = IstioMetadata.IstioStruct(cluster.Metadata);
        if (subset is null && service.Location == MeshLocation.External)
        {
            IstioMetadata.Set(istio, "external", Value.ForBool(true));
        }

        if (rule is null)
        {
            return;
        }

        IstioMetadata.Set(istio, "config", Value.ForString(rule.ConfigPath));
        if (subset is not null)
        {
            IstioMetadata.Set(istio, "subset", Value.ForString(subset.Name));
        }

        var tls = (subset is null
            ? TrafficPolicies.ForPort(rule.TrafficPolicy, port)
            : TrafficPolicies.ForSubset(rule.TrafficPolicy, subset.TrafficPolicy, port))?.Tls;
        if (tls?.Mode is ClientTlsMode.Simple or ClientTlsMode.Mutual)
        {
            // AddALPNOverrideToMetadata: user TLS must not negotiate Istio's ALPN values.
            IstioMetadata.Set(istio, "alpn_override", Value.ForString("false"));
        }
    }
}
