namespace ControlPlane.Xds.Tests.Generation;

using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Generation.Clusters;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;

public sealed class XdsSnapshotConsistencyTests
{
    [Fact]
    public void Generated_bookinfo_snapshot_is_consistent()
    {
        var mesh = Bookinfo.Mesh().Config(Configs.Rule(Bookinfo.Reviews, null, Configs.Subset("v1", "v1"))).Build();
        var snapshot = EnvoySnapshots.ForSidecar(mesh.Push, Bookinfo.Productpage(mesh));

        Assert.Empty(snapshot.Problems());
        Assert.Equal(5, snapshot.Endpoints.Count);
        Assert.Single(snapshot.Routes);
    }

    [Fact]
    public void Sidecar_ingress_and_unix_socket_egress_without_interception_are_consistent()
    {
        // Interception NONE: no virtual listeners, every ingress entry binds its own port and needs its inbound cluster.
        var sidecar = new Model.Config.Sidecars.Sidecar
        {
            Meta = Configs.Meta("pp"),
            Ingress =
            [
                IngressEntry(8080, Model.Services.Protocol.Http) with { DefaultEndpoint = "127.0.0.1:8081" },
                IngressEntry(9000, Model.Services.Protocol.Tcp),
                IngressEntry(9100, Model.Services.Protocol.Unsupported) with { DefaultEndpoint = "unix:///var/run/app.sock" },
            ],
            Egress =
            [
                new(["default/reviews.default.svc.cluster.local"]) { Port = new(0, Model.Services.Protocol.Http, ""), Bind = "unix:///var/run/http.sock" },
                new(["db/mysql.db.svc.cluster.local"]) { Port = new(0, Model.Services.Protocol.Tcp, ""), Bind = "unix:///var/run/db.sock" },
                new(["./*"]),
            ],
        };
        var mesh = Bookinfo.Mesh().Config(sidecar).Build();
        var snapshot = EnvoySnapshots.ForSidecar(mesh.Push, Bookinfo.Productpage(mesh) with { InterceptionMode = "NONE" });

        Assert.Empty(snapshot.Problems());
        var clusters = snapshot.Clusters.Select(c => c.Unpack<Cluster>()).ToDictionary(c => c.Name);
        Assert.Equal(Cluster.Types.DiscoveryType.Static, clusters["inbound|8080||"].Type);
        Assert.Equal(Cluster.Types.DiscoveryType.OriginalDst, clusters["inbound|9000||"].Type);
        Assert.Equal("/var/run/app.sock", clusters["inbound|9100||"].LoadAssignment.Endpoints[0].LbEndpoints[0].Endpoint.Address.Pipe.Path);
        var listeners = snapshot.Listeners.Select(l => l.Unpack<Listener>().Name).ToList();
        Assert.Contains("unix:///var/run/http.sock_0", listeners);
        Assert.Contains("unix:///var/run/db.sock_0", listeners);
        Assert.Contains($"{Bookinfo.ProductpageIp}_9100", listeners);
    }

    [Fact]
    public void Reports_missing_eds_rds_and_clusters()
    {
        var eds = new Cluster
        {
            Name = "outbound|80||a",
            Type = Cluster.Types.DiscoveryType.Eds,
            EdsClusterConfig = new Cluster.Types.EdsClusterConfig { ServiceName = "outbound|80||a", EdsConfig = EnvoyProto.AdsConfigSource() },
        };
        var manager = new HttpConnectionManager { StatPrefix = "x", Rds = new Rds { RouteConfigName = "80", ConfigSource = EnvoyProto.AdsConfigSource() } };
        var chain = new FilterChain();
        chain.Filters.Add(new Envoy.Config.Listener.V3.Filter { Name = FilterNames.HttpConnectionManager, TypedConfig = Any.Pack(manager) });
        chain.Filters.Add(TcpProxyFilters.ToCluster("outbound|81||b"));
        var listener = new Listener { Name = "0.0.0.0_80" };
        listener.FilterChains.Add(chain);
        var host = new VirtualHost { Name = "h" };
        host.Routes.Add(new Route { Name = "r", Match = new RouteMatch { Prefix = "/" }, Route_ = new RouteAction { Cluster = "outbound|82||c" } });
        var routes = new RouteConfiguration { Name = "other" };
        routes.VirtualHosts.Add(host);

        var problems = XdsSnapshotConsistency.Check(
            [Any.Pack(eds), Any.Pack(eds)], [], [Any.Pack(listener)], [Any.Pack(routes), Any.Pack(new ClusterLoadAssignment { ClusterName = "x" })]);

        Assert.Contains("cds: duplicate name outbound|80||a (2 resources)", problems);
        Assert.Contains("cds cluster outbound|80||a uses EDS name outbound|80||a, missing from eds", problems);
        Assert.Contains("lds 0.0.0.0_80 filter envoy.filters.network.http_connection_manager uses RDS name 80, missing from rds", problems);
        Assert.Contains("lds 0.0.0.0_80 filter envoy.filters.network.tcp_proxy targets cluster outbound|81||b, missing from cds", problems);
        Assert.Contains("rds other vhost h route r targets cluster outbound|82||c, missing from cds", problems);
        Assert.Contains("rds: resource of type type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment", problems);
    }

    [Fact]
    public void Reports_any_it_cannot_unpack()
    {
        var cluster = PassthroughClusters.BlackHole(Model.Mesh.MeshConfig.Default);
        cluster.TypedExtensionProtocolOptions["x"] = new Any { TypeUrl = "type.googleapis.com/unknown.Type", Value = Google.Protobuf.ByteString.Empty };

        var problem = Assert.Single(XdsSnapshotConsistency.Check([Any.Pack(cluster)], [], [], []));
        Assert.Contains("cannot unpack Any of type type.googleapis.com/unknown.Type", problem, StringComparison.Ordinal);
    }

    private static Model.Config.Sidecars.SidecarIngressListener IngressEntry(int port, Model.Services.Protocol protocol) =>
        new(new Model.Config.Sidecars.SidecarPort(port, protocol, ""));
}
