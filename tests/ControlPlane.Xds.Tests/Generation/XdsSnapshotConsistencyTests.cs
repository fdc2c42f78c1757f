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
}
