namespace ControlPlane.LoadTest.Clients;

using System.Collections.Concurrent;
using System.Collections.Immutable;
using ControlPlane.Xds;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Service.Discovery.V3;

/// <summary>
/// What an Envoy learns from CDS and LDS to drive its next subscriptions: the EDS names of EDS clusters and the RDS names
/// of HTTP connection managers. Decoding is cached by (name, version) across clients: clients under the same scope get
/// identical resources, and the load generator must not spend the CPU the control plane is being measured on. Thread-safe.
/// </summary>
internal sealed class ResourceNames
{
    private const string HcmType = "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager";

    private readonly ConcurrentDictionary<(string Name, string Version), ImmutableArray<string>> cache = new();

    /// <summary>The names this resource makes the client subscribe to (EDS for a cluster, RDS for a listener).</summary>
    public ImmutableArray<string> Dependencies(string typeUrl, Resource resource) =>
        cache.GetOrAdd((resource.Name, resource.Version), static (_, state) => Decode(state.typeUrl, state.resource), (typeUrl, resource));

    private static ImmutableArray<string> Decode(string typeUrl, Resource resource) => typeUrl switch
    {
        TypeUrls.Cluster => EdsNames(Cluster.Parser.ParseFrom(resource.Resource_.Value)),
        TypeUrls.Listener => RdsNames(Listener.Parser.ParseFrom(resource.Resource_.Value)),
        _ => [],
    };

    private static ImmutableArray<string> EdsNames(Cluster cluster)
    {
        if (cluster.ClusterDiscoveryTypeCase != Cluster.ClusterDiscoveryTypeOneofCase.Type || cluster.Type != Cluster.Types.DiscoveryType.Eds)
        {
            return [];
        }

        var serviceName = cluster.EdsClusterConfig?.ServiceName;
        return [string.IsNullOrEmpty(serviceName) ? cluster.Name : serviceName];
    }

    private static ImmutableArray<string> RdsNames(Listener listener)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        var chains = listener.FilterChains.AsEnumerable();
        if (listener.DefaultFilterChain is not null)
        {
            chains = chains.Append(listener.DefaultFilterChain);
        }

        foreach (var filter in chains.SelectMany(c => c.Filters))
        {
            if (filter.TypedConfig?.TypeUrl == HcmType)
            {
                var hcm = HttpConnectionManager.Parser.ParseFrom(filter.TypedConfig.Value);
                if (hcm.Rds is { RouteConfigName.Length: > 0 } rds)
                {
                    names.Add(rds.RouteConfigName);
                }
            }
        }

        return names.Distinct().ToImmutableArray();
    }
}
