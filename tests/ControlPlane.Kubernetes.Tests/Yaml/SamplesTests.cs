namespace ControlPlane.Kubernetes.Tests.Yaml;

using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Services;

public sealed class SamplesTests
{
    private static readonly string SamplesDirectory = Path.Combine(AppContext.BaseDirectory, "samples");

    private static readonly YamlLoadResult Samples = YamlMeshLoader.LoadDirectory(SamplesDirectory, MeshConfig.Default);

    [Fact]
    public void Samples_LoadWithoutAnyProblem() => Samples.AssertNoProblems();

    [Fact]
    public void Samples_DescribeTwoNamespacesSixServicesAndAnExternalApi()
    {
        Assert.Equal(["payments", "shop"], Samples.Delta.UpsertedNamespaces.Select(n => n.Name).ToArray());
        Assert.Equal(
            [
                "api.payment-provider.example", "cart-redis.shop.svc.cluster.local", "cart.shop.svc.cluster.local",
                "catalog.shop.svc.cluster.local", "checkout.payments.svc.cluster.local",
                "payment-gateway.payments.svc.cluster.local", "storefront.shop.svc.cluster.local",
            ],
            Samples.Delta.UpsertedServices.Select(s => s.Hostname).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(Resolution.Dns, Samples.Service("api.payment-provider.example").Resolution);
        Assert.Contains(Samples.Delta.UpsertedConfigs, c => c.Kind == ConfigKind.Gateway);
        Assert.Equal(OutboundTrafficPolicyMode.RegistryOnly, Samples.Config<Sidecar>("default").OutboundTrafficPolicy);
    }

    [Fact]
    public void Samples_CatalogHasThreeVersionsAWeightedSplitAndOneUnreadyReplica()
    {
        var endpoints = Samples.Endpoints("catalog.shop.svc.cluster.local");
        Assert.Equal(["v1", "v1", "v2", "v2", "v3"], endpoints.Select(e => e.Labels["version"]).Order().ToArray());
        Assert.Single(endpoints, e => e.Health == HealthStatus.Unhealthy);
        Assert.All(endpoints, e => Assert.True(e.IstioMutualTls));
        var split = Samples.Config<VirtualService>("catalog").Http.Single(r => r.Name == "split");
        Assert.Equal([80, 20], split.Route.Select(r => r.Weight).ToArray());
    }

    [Fact]
    public void Samples_ExerciseNamedTargetPortsAndTheEndpointSlicePath()
    {
        Assert.All(Samples.Endpoints("storefront.shop.svc.cluster.local"), e => Assert.Equal(8080, e.Port));
        var redis = Assert.Single(Samples.Endpoints("cart-redis.shop.svc.cluster.local"));
        Assert.Equal(("10.244.3.41", 6379, "cart", "zone-c"), (redis.Address, redis.Port, redis.ServiceAccount, redis.Locality.Zone));
        Assert.Equal(Protocol.Tcp, Samples.Service("cart-redis.shop.svc.cluster.local").Ports[0].Protocol);
        Assert.Equal(Protocol.Grpc, Samples.Service("cart.shop.svc.cluster.local").Ports[0].Protocol);
    }
}
