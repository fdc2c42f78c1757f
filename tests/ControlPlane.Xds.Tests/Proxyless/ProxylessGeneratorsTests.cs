namespace ControlPlane.Xds.Tests.Proxyless;

using ControlPlane.Xds.Generation.Proxyless;

public sealed class ProxylessGeneratorsTests
{
    [Fact]
    public void Map_holds_one_generator_per_xds_type_keyed_by_its_type_url()
    {
        var generators = ProxylessGenerators.Instance;

        Assert.Equal(
            [TypeUrls.Cluster, TypeUrls.Endpoint, TypeUrls.Listener, TypeUrls.Route],
            generators.ByTypeUrl.Keys.Order(StringComparer.Ordinal));
        Assert.All(generators.ByTypeUrl, pair => Assert.Equal(pair.Key, pair.Value.TypeUrl));
        Assert.IsType<ProxylessRouteGenerator>(generators.For(TypeUrls.Route));
        Assert.Null(generators.For(TypeUrls.DebugSyncz));
    }
}
