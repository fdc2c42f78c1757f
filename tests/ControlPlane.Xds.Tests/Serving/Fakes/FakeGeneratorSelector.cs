namespace ControlPlane.Xds.Tests.Serving.Fakes;

using System.Globalization;
using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Pushing;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf;

/// <summary>
/// Deterministic stand-in generators derived from the push context: a cluster <c>outbound|port||host</c> per visible
/// service port, its endpoints, a listener <c>0.0.0.0_port</c> per port with RDS <c>"port"</c>, and a route config per
/// port. CDS, LDS and RDS are affected by full pushes only; EDS by every push. Types can be removed to test the
/// "no generator" path.
/// </summary>
internal sealed class FakeGeneratorSelector : IGeneratorSelector
{
    public FakeGeneratorSelector()
    {
        Clusters = new FakeGenerator(TypeUrls.Cluster, r => r.Full, ctx =>
            ctx.Scope.Services.SelectMany(s => s.Ports.Select(p => ($"outbound|{p.Port}||{s.Hostname}", (IMessage)Cluster($"outbound|{p.Port}||{s.Hostname}")))));
        Endpoints = new FakeGenerator(TypeUrls.Endpoint, _ => true, ctx => ctx.Watched.Names.Select(n => Load(ctx, n)).OfType<(string, IMessage)>());
        Listeners = new FakeGenerator(TypeUrls.Listener, r => r.Full, ctx =>
            Ports(ctx).Select(p => ($"0.0.0.0_{p}", (IMessage)Listener(p))));
        Routes = new FakeGenerator(TypeUrls.Route, r => r.Full, ctx =>
            Ports(ctx).Select(p => (p.ToString(CultureInfo.InvariantCulture), (IMessage)Route(ctx, p))));
        Generators = new Dictionary<string, IResourceGenerator>
        {
            [TypeUrls.Cluster] = Clusters,
            [TypeUrls.Endpoint] = Endpoints,
            [TypeUrls.Listener] = Listeners,
            [TypeUrls.Route] = Routes,
        };
    }

    public FakeGenerator Clusters { get; }

    public FakeGenerator Endpoints { get; }

    public FakeGenerator Listeners { get; }

    public FakeGenerator Routes { get; }

    public Dictionary<string, IResourceGenerator> Generators { get; }

    public IResourceGenerator? For(Proxy proxy, string typeUrl) => Generators.GetValueOrDefault(typeUrl);

    private static Cluster Cluster(string name) => new()
    {
        Name = name,
        Type = Envoy.Config.Cluster.V3.Cluster.Types.DiscoveryType.Eds,
        EdsClusterConfig = new Envoy.Config.Cluster.V3.Cluster.Types.EdsClusterConfig { ServiceName = name, EdsConfig = new ConfigSource { Ads = new() } },
    };

    private static (string, IMessage)? Load(GenerationContext ctx, string clusterName)
    {
        if (!EdsClusterName.TryGetHost(clusterName, out var host) || ctx.Push.Services.WithHost(host) is not [var service, ..])
        {
            return null;
        }

        var locality = new LocalityLbEndpoints();
        foreach (var endpoint in ctx.Push.Endpoints.For(service.Key))
        {
            locality.LbEndpoints.Add(new LbEndpoint
            {
                Endpoint = new Envoy.Config.Endpoint.V3.Endpoint
                {
                    Address = new Address { SocketAddress = new SocketAddress { Address = endpoint.Address, PortValue = (uint)endpoint.Port } },
                },
            });
        }

        var assignment = new ClusterLoadAssignment { ClusterName = clusterName };
        assignment.Endpoints.Add(locality);
        return (clusterName, assignment);
    }

    private static IEnumerable<int> Ports(GenerationContext ctx) =>
        ctx.Scope.Services.SelectMany(s => s.Ports.Select(p => p.Port)).Distinct().Order();

    private static Listener Listener(int port)
    {
        var hcm = new HttpConnectionManager
        {
            StatPrefix = $"outbound_0.0.0.0_{port};",
            Rds = new Rds { RouteConfigName = port.ToString(CultureInfo.InvariantCulture), ConfigSource = new ConfigSource { Ads = new() } },
        };
        var chain = new FilterChain();
        chain.Filters.Add(new Envoy.Config.Listener.V3.Filter { Name = "envoy.filters.network.http_connection_manager", TypedConfig = Google.Protobuf.WellKnownTypes.Any.Pack(hcm) });
        var listener = new Listener { Name = $"0.0.0.0_{port}" };
        listener.FilterChains.Add(chain);
        return listener;
    }

    private static RouteConfiguration Route(GenerationContext ctx, int port)
    {
        var route = new RouteConfiguration { Name = port.ToString(CultureInfo.InvariantCulture) };
        foreach (var service in ctx.Scope.Services.Where(s => s.FindPort(port) is not null))
        {
            var host = new VirtualHost { Name = $"{service.Hostname}:{port}" };
            host.Domains.Add(service.Hostname);
            route.VirtualHosts.Add(host);
        }

        return route;
    }
}
