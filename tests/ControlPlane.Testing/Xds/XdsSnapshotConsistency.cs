namespace ControlPlane.Testing.Xds;

using ControlPlane.Xds;
using ControlPlane.Xds.Generation;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// The invariant every generated snapshot must keep (house style #11, after go-control-plane's <c>Snapshot.Consistent</c>):
/// every EDS name a cluster uses and every RDS name a listener uses is present, every cluster a route or tcp_proxy targets
/// exists, names are unique per type, and every <see cref="Any"/> (nested ones too) unpacks with a known type.
/// </summary>
public static class XdsSnapshotConsistency
{
    public static IReadOnlyList<string> Check(IEnumerable<Any> clusters, IEnumerable<Any> endpoints, IEnumerable<Any> listeners, IEnumerable<Any> routes)
    {
        var problems = new List<string>();
        var cds = Unpack<Cluster>(clusters, TypeUrls.Cluster, problems);
        var eds = Unpack<ClusterLoadAssignment>(endpoints, TypeUrls.Endpoint, problems);
        var lds = Unpack<Listener>(listeners, TypeUrls.Listener, problems);
        var rds = Unpack<RouteConfiguration>(routes, TypeUrls.Route, problems);

        Duplicates("cds", cds.Select(c => c.Name), problems);
        Duplicates("eds", eds.Select(e => e.ClusterName), problems);
        Duplicates("lds", lds.Select(l => l.Name), problems);
        Duplicates("rds", rds.Select(r => r.Name), problems);

        var clusterNames = cds.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var edsNames = eds.Select(e => e.ClusterName).ToHashSet(StringComparer.Ordinal);
        var rdsNames = rds.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var cluster in cds.Where(c => c.Type == Cluster.Types.DiscoveryType.Eds))
        {
            var serviceName = cluster.EdsClusterConfig?.ServiceName is { Length: > 0 } name ? name : cluster.Name;
            Require(edsNames, serviceName, $"cds cluster {cluster.Name} uses EDS name {serviceName}", "eds", problems);
        }

        foreach (var listener in lds)
        {
            CheckListener(listener, clusterNames, rdsNames, problems);
        }

        foreach (var route in rds)
        {
            CheckRouteConfig(route, $"rds {route.Name}", clusterNames, problems);
        }

        return [.. problems.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Throws with every problem listed when the snapshot is inconsistent.</summary>
    public static void AssertConsistent(XdsSnapshot snapshot)
    {
        var problems = snapshot.Problems();
        if (problems.Count > 0)
        {
            throw new XdsTestException("inconsistent xDS snapshot:\n  " + string.Join("\n  ", problems));
        }
    }

    private static void CheckListener(Listener listener, HashSet<string> clusters, HashSet<string> routeNames, List<string> problems)
    {
        var chains = listener.FilterChains.AsEnumerable();
        if (listener.DefaultFilterChain is not null)
        {
            chains = chains.Append(listener.DefaultFilterChain);
        }

        foreach (var filter in chains.SelectMany(c => c.Filters).Where(f => f.TypedConfig is not null))
        {
            var where = $"lds {listener.Name} filter {filter.Name}";
            if (filter.TypedConfig.TryUnpack<HttpConnectionManager>(out var manager))
            {
                if (manager.Rds is { } rds)
                {
                    Require(routeNames, rds.RouteConfigName, $"{where} uses RDS name {rds.RouteConfigName}", "rds", problems);
                }
                else if (manager.RouteConfig is { } inline)
                {
                    CheckRouteConfig(inline, $"{where} inline route {inline.Name}", clusters, problems);
                }
            }
            else if (filter.TypedConfig.TryUnpack<TcpProxy>(out var tcp))
            {
                var targets = tcp.WeightedClusters is { } weighted ? weighted.Clusters.Select(c => c.Name) : [tcp.Cluster];
                foreach (var target in targets)
                {
                    Require(clusters, target, $"{where} targets cluster {target}", "cds", problems);
                }
            }
        }
    }

    private static void CheckRouteConfig(RouteConfiguration config, string where, HashSet<string> clusters, List<string> problems)
    {
        foreach (var host in config.VirtualHosts)
        {
            foreach (var route in host.Routes.Where(r => r.ActionCase == Route.ActionOneofCase.Route_))
            {
                var action = route.Route_;
                var targets = action.WeightedClusters is { } weighted
                    ? weighted.Clusters.Select(c => c.Name)
                    : action.Cluster.Length > 0 ? [action.Cluster] : [];
                foreach (var target in targets.Concat(action.RequestMirrorPolicies.Select(m => m.Cluster)))
                {
                    Require(clusters, target, $"{where} vhost {host.Name} route {route.Name} targets cluster {target}", "cds", problems);
                }
            }
        }
    }

    private static List<T> Unpack<T>(IEnumerable<Any> resources, string typeUrl, List<string> problems)
        where T : IMessage, new()
    {
        var result = new List<T>();
        foreach (var any in resources)
        {
            if (any.TypeUrl != typeUrl)
            {
                problems.Add($"{TypeUrls.ShortName(typeUrl)}: resource of type {any.TypeUrl}");
                continue;
            }

            var message = any.Unpack<T>();
            AnyWalker.CheckNested(message, $"{TypeUrls.ShortName(typeUrl)} {NameOf(message)}", problems);
            result.Add(message);
        }

        return result;
    }

    private static string NameOf(IMessage message) => message switch
    {
        Cluster c => c.Name,
        ClusterLoadAssignment e => e.ClusterName,
        Listener l => l.Name,
        RouteConfiguration r => r.Name,
        _ => "?",
    };

    private static void Duplicates(string type, IEnumerable<string> names, List<string> problems)
    {
        foreach (var group in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{type}: duplicate name {group.Key} ({group.Count()} resources)");
        }
    }

    private static void Require(HashSet<string> present, string name, string reference, string type, List<string> problems)
    {
        if (!present.Contains(name))
        {
            problems.Add($"{reference}, missing from {type}");
        }
    }
}
