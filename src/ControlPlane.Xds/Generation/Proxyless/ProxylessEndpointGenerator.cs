namespace ControlPlane.Xds.Generation.Proxyless;

using System.Collections.Immutable;
using System.Net;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Endpoints;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Google.Protobuf.WellKnownTypes;
using EnvoyEndpoint = Envoy.Config.Endpoint.V3.Endpoint;
using EnvoyLocality = Envoy.Config.Core.V3.Locality;
using ModelEndpoint = ControlPlane.Model.Services.Endpoint;
using ModelHealth = ControlPlane.Model.Services.HealthStatus;
using SocketAddress = Envoy.Config.Core.V3.SocketAddress;

/// <summary>
/// EDS for proxyless gRPC: <c>outbound|port|subset|fqdn</c> becomes a ClusterLoadAssignment of the service port's healthy
/// endpoints (filtered by the subset's labels), grouped by locality. gRPC drops a locality without a positive
/// <c>load_balancing_weight</c> and NACKs hostnames and duplicate addresses, so every locality carries the sum of its
/// endpoint weights, only IP literals are sent, and each address:port appears once. Priorities are 0 unless a locality
/// setting applies, which istiod's gRPC EDS applies as the sidecar's (<see cref="LocalityLoadBalancer"/>). A known
/// cluster without endpoints gets an empty assignment, so the client fails fast instead of waiting.
/// </summary>
internal sealed class ProxylessEndpointGenerator : IResourceGenerator
{
    public string TypeUrl => TypeUrls.Endpoint;

    public bool IsAffectedBy(PushRequest request) => true;

    public GeneratedResources Generate(GenerationContext context)
    {
        var names = context.Watched.Wildcard ? AllEndpointNames(context) : context.Watched.Names;
        var resources = ImmutableArray.CreateBuilder<NamedResource>();
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            if (Build(context, name) is { } assignment)
            {
                resources.Add(new NamedResource(name, Any.Pack(assignment)));
            }
        }

        return new GeneratedResources(resources.ToImmutable());
    }

    internal static ClusterLoadAssignment? Build(GenerationContext context, string name)
    {
        if (!OutboundResourceName.TryParse(name, out var key)
            || ScopedServiceLookup.FindPort(context, key.Hostname, key.Port) is not { } found)
        {
            return null;
        }

        var (service, port) = found;
        var assignment = new ClusterLoadAssignment { ClusterName = name };
        var subsetLabels = SubsetLabels(context, service, key.Subset);
        if (subsetLabels is null)
        {
            return assignment;
        }

        var selected = ProxylessEndpointSelector.ForPort(context.Push.Endpoints.For(service.Key), service, port)
            .Where(e => e.Health == ModelHealth.Healthy && IsIpLiteral(e.Address) && e.Port is > 0 and <= 65535)
            .Where(e => subsetLabels.All(l => e.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
            .DistinctBy(e => (e.Address, e.Port))
            .GroupBy(e => e.Locality)
            .OrderBy(g => g.Key.Region, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Zone, StringComparer.Ordinal)
            .ThenBy(g => g.Key.SubZone, StringComparer.Ordinal);
        var groupEndpoints = new List<IReadOnlyList<ModelEndpoint>>();
        foreach (var locality in selected)
        {
            var ordered = locality.OrderBy(e => e.Address, StringComparer.Ordinal).ThenBy(e => e.Port).ToList();
            assignment.Endpoints.Add(BuildLocality(locality.Key, ordered));
            groupEndpoints.Add(ordered);
        }

        var rule = context.Scope.DestinationRuleFor(service)?.Config;
        if (assignment.Endpoints.Count > 0 && LocalityLbResolver.ForEndpoints(context, rule, port.Port, key.Subset) is { } relative)
        {
            LocalityLoadBalancer.Apply(assignment, groupEndpoints, relative.Setting, relative.EnableFailover, relative.ProxyLocality, relative.PriorityLabels);
        }

        return assignment;
    }

    private static LocalityLbEndpoints BuildLocality(Model.Services.Locality locality, IReadOnlyList<ModelEndpoint> endpoints)
    {
        var result = new LocalityLbEndpoints
        {
            Locality = new EnvoyLocality { Region = locality.Region, Zone = locality.Zone, SubZone = locality.SubZone },
            Priority = 0,
        };
        uint total = 0;
        foreach (var endpoint in endpoints)
        {
            var weight = (uint)Math.Max(endpoint.Weight, 1);
            total += weight;
            result.LbEndpoints.Add(new LbEndpoint
            {
                HealthStatus = Envoy.Config.Core.V3.HealthStatus.Healthy,
                LoadBalancingWeight = weight,
                Endpoint = new EnvoyEndpoint
                {
                    Address = new Address { SocketAddress = new SocketAddress { Address = endpoint.Address, PortValue = (uint)endpoint.Port } },
                },
            });
        }

        result.LoadBalancingWeight = total;
        return result;
    }

    /// <summary>The labels an endpoint must carry: none for the default cluster, null when the subset is not defined.</summary>
    private static IReadOnlyDictionary<string, string>? SubsetLabels(GenerationContext context, Service service, string subset)
    {
        if (subset.Length == 0)
        {
            return new Dictionary<string, string>();
        }

        return context.Scope.DestinationRuleFor(service)?.Config.FindSubset(subset)?.Labels;
    }

    // IPAddress.TryParse also accepts forms such as "10" or "1.2.3"; gRPC wants dotted-quad or IPv6 literals.
    private static bool IsIpLiteral(string address) =>
        IPAddress.TryParse(address, out var ip)
        && (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || address.Count(c => c == '.') == 3);

    private static IEnumerable<string> AllEndpointNames(GenerationContext context) =>
        context.Scope.Services
            .Where(s => s.Resolution is Resolution.ClientSideLb or Resolution.Passthrough)
            .SelectMany(s => s.Ports.Select(p => new OutboundResourceName(p.Port, "", s.Hostname).ToString()))
            .Distinct(StringComparer.Ordinal);
}
