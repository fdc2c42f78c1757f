namespace ControlPlane.Xds.Generation.Proxyless;

using System.Collections.Immutable;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.Services;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Google.Protobuf.WellKnownTypes;
using Locality = Envoy.Config.Core.V3.Locality;

/// <summary>
/// CDS for proxyless gRPC: <c>outbound|port|subset|fqdn</c> becomes an EDS cluster whose <c>service_name</c> is the
/// cluster name (as istiod sets it), with <c>connect_timeout</c> from the DestinationRule or the mesh and the rule's
/// gRPC-relevant policy (<see cref="ProxylessClusterPolicyBuilder"/>). DNS-resolved ServiceEntries become
/// <c>LOGICAL_DNS</c> with their one address (gRFC A37; gRPC has no STRICT_DNS). Names outside the proxy's scope, unknown
/// ports, subsets the DestinationRule does not define, and alias services are left out. Every subscribed cluster that
/// exists is in every response: gRPC treats a missing cluster as deleted.
/// </summary>
internal sealed class ProxylessClusterGenerator : IResourceGenerator
{
    public string TypeUrl => TypeUrls.Cluster;

    public bool IsAffectedBy(PushRequest request) => request.Full;

    public GeneratedResources Generate(GenerationContext context)
    {
        var names = context.Watched.Wildcard ? AllClusterNames(context).Distinct(StringComparer.Ordinal) : context.Watched.Names;
        var resources = ImmutableArray.CreateBuilder<NamedResource>();
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            if (Build(context, name) is { } cluster)
            {
                resources.Add(new NamedResource(name, Any.Pack(cluster)));
            }
        }

        return new GeneratedResources(resources.ToImmutable());
    }

    internal static Cluster? Build(GenerationContext context, string name)
    {
        if (!OutboundResourceName.TryParse(name, out var key)
            || ScopedServiceLookup.FindPort(context, key.Hostname, key.Port) is not { } found
            || found.Service.Resolution == Resolution.Alias)
        {
            return null;
        }

        var rule = context.Scope.DestinationRuleFor(found.Service)?.Config;
        if (key.Subset.Length > 0 && rule?.FindSubset(key.Subset) is null)
        {
            return null;
        }

        var policy = EffectiveTrafficPolicy.Resolve(rule, key.Port, key.Subset);
        var cluster = new Cluster
        {
            Name = name,
            ConnectTimeout = Duration.FromTimeSpan(policy.ConnectionPool?.ConnectTimeout ?? context.Push.Mesh.ConnectTimeout),
        };
        if (found.Service.Resolution is Resolution.Dns or Resolution.DnsRoundRobin)
        {
            cluster.Type = Cluster.Types.DiscoveryType.LogicalDns;
            cluster.LoadAssignment = LogicalDnsAssignment(context, name, found.Service, found.Port);
        }
        else
        {
            cluster.Type = Cluster.Types.DiscoveryType.Eds;
            cluster.EdsClusterConfig = new Cluster.Types.EdsClusterConfig
            {
                ServiceName = name,
                EdsConfig = new ConfigSource { Ads = new AggregatedConfigSource(), ResourceApiVersion = ApiVersion.V3 },
            };
        }

        ProxylessClusterPolicyBuilder.Apply(cluster, policy);
        return cluster;
    }

    // gRPC's LOGICAL_DNS takes exactly one address: the first endpoint's, else the service host on its target port.
    private static ClusterLoadAssignment LogicalDnsAssignment(GenerationContext context, string name, Service service, ServicePort port)
    {
        var endpoint = ProxylessEndpointSelector.ForPort(context.Push.Endpoints.For(service.Key), service, port)
            .OrderBy(e => e.Address, StringComparer.Ordinal)
            .ThenBy(e => e.Port)
            .FirstOrDefault();
        var address = endpoint?.Address ?? service.Hostname;
        var targetPort = endpoint?.Port ?? (port.TargetPort != 0 ? port.TargetPort : port.Port);

        var localityEndpoints = new LocalityLbEndpoints { Locality = new Locality(), LoadBalancingWeight = 1 };
        localityEndpoints.LbEndpoints.Add(new LbEndpoint
        {
            Endpoint = new Envoy.Config.Endpoint.V3.Endpoint
            {
                Address = new Address { SocketAddress = new SocketAddress { Address = address, PortValue = (uint)targetPort } },
            },
        });
        var assignment = new ClusterLoadAssignment { ClusterName = name };
        assignment.Endpoints.Add(localityEndpoints);
        return assignment;
    }

    private static IEnumerable<string> AllClusterNames(GenerationContext context)
    {
        foreach (var service in context.Scope.Services)
        {
            var subsets = context.Scope.DestinationRuleFor(service)?.Config.Subsets ?? ImmutableArray<Subset>.Empty;
            foreach (var port in service.Ports)
            {
                yield return new OutboundResourceName(port.Port, "", service.Hostname).ToString();
                foreach (var subset in subsets)
                {
                    yield return new OutboundResourceName(port.Port, subset.Name, service.Hostname).ToString();
                }
            }
        }
    }
}
