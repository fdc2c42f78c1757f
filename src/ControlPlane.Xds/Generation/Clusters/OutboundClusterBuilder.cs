namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Indexes;
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
/// default cluster <c>outbound|port||host</c>, then one per DestinationRule subset.
/// </summary>
internal static class OutboundClusterBuilder
{
    public static IEnumerable<Cluster> Build(GenerationContext context, Service service)
    {
        if (DiscoveryTypeOf(service) is not { } type)
        {
            yield break;
        }

        var rule = context.Scope.DestinationRuleFor(service);
        foreach (var port in service.Ports)
        {
            if (port.Protocol == Protocol.Udp)
            {
                continue;
            }

            var draft = CreateServiceCluster(context, service, port, type, subset: null);
            if (draft is null)
            {
                continue;
            }

            ClusterTrafficPolicy.Apply(draft, TrafficPolicies.ForPort(rule?.Config.TrafficPolicy, port.Port), context.Push.Mesh, outbound: true);
            Finish(draft.Cluster, service, rule, subset: null, port.Port);
            var defaultType = draft.Cluster.Type;
            yield return draft.Build();

            foreach (var subset in rule?.Config.Subsets ?? [])
            {
                if (BuildSubset(context, service, port, defaultType, rule!, subset) is { } subsetCluster)
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
        GenerationContext context, Service service, ServicePort port, Cluster.Types.DiscoveryType defaultType,
        DestinationRuleEntry rule, Subset subset)
    {
        var isPassthrough = subset.TrafficPolicy?.LoadBalancer?.Simple == SimpleLoadBalancer.Passthrough;
        var type = isPassthrough ? Cluster.Types.DiscoveryType.OriginalDst : defaultType;
        var draft = CreateServiceCluster(context, service, port, type, subset);
        if (draft is null)
        {
            return null;
        }

        var policy = TrafficPolicies.ForSubset(rule.Config.TrafficPolicy, subset.TrafficPolicy, port.Port);
        ClusterTrafficPolicy.Apply(draft, policy, context.Push.Mesh, outbound: true);
        Finish(draft.Cluster, service, rule, subset, port.Port);
        return draft.Build();
    }

    private static ClusterDraft? CreateServiceCluster(
        GenerationContext context, Service service, ServicePort port, Cluster.Types.DiscoveryType type, Subset? subset)
    {
        var name = ClusterName.Outbound(port.Port, subset?.Name ?? "", service.Hostname);
        var endpoints = type is Cluster.Types.DiscoveryType.Eds or Cluster.Types.DiscoveryType.OriginalDst
            ? null
            : InlineEndpoints(context, service, port, subset);
        var draft = ClusterFactory.Create(context, name, type, port, endpoints);
        if (draft is not null)
        {
            ClusterFactory.AddServices(draft.Cluster, [service]);
        }

        return draft;
    }

    /// <summary>The load assignment of STATIC/DNS clusters, built like EDS (<c>FromServiceEndpoints</c>).</summary>
    private static List<LocalityLbEndpoints> InlineEndpoints(GenerationContext context, Service service, ServicePort port, Subset? subset)
    {
        var rule = context.Scope.DestinationRuleFor(service)?.Config;
        var labels = subset is { Labels.Count: > 0 } ? subset.Labels : null;
        var selected = EndpointSelection.Select(context.Push.Endpoints.For(service.Key), service, port, labels, requireIpAddress: false);
        return LocalityEndpointsBuilder.Build(selected, e => LbEndpointBuilder.Build(
            e, service, EndpointMutualTls.IsEnabled(e, rule, subset?.Name ?? "", port.Port), context.Proxy.ClusterId));
    }

    /// <summary>EDS config, metadata exchange, and the <c>istio</c> metadata istioctl reads (rule path, subset, external).</summary>
    private static void Finish(Cluster cluster, Service service, DestinationRuleEntry? rule, Subset? subset, int port)
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

        IstioMetadata.Set(istio, "config", Value.ForString(rule.Config.ConfigPath));
        if (subset is not null)
        {
            IstioMetadata.Set(istio, "subset", Value.ForString(subset.Name));
        }

        var tls = (subset is null
            ? TrafficPolicies.ForPort(rule.Config.TrafficPolicy, port)
            : TrafficPolicies.ForSubset(rule.Config.TrafficPolicy, subset.TrafficPolicy, port))?.Tls;
        if (tls?.Mode is ClientTlsMode.Simple or ClientTlsMode.Mutual)
        {
            // AddALPNOverrideToMetadata: user TLS must not negotiate Istio's ALPN values.
            IstioMetadata.Set(istio, "alpn_override", Value.ForString("false"));
        }
    }
}
