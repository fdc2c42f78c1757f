namespace ControlPlane.Xds.Tests.Generation;

using ControlPlane.Model.Services;
using ControlPlane.Testing.Mesh;

/// <summary>A small bookinfo-shaped mesh shared by the generator tests.</summary>
internal static class Bookinfo
{
    public const string Ns = "default";
    public const string ProductpageIp = "10.1.0.10";
    public const string Reviews = "reviews.default.svc.cluster.local";

    public static MeshBuilder Mesh() => new MeshBuilder()
        .Service("productpage", Ns, s => s.Port("http", 9080).Vip("10.96.0.10").Selector(("app", "productpage")))
        .Service("reviews", Ns, s => s.Port("http", 9080).Vip("10.96.0.11").Selector(("app", "reviews")))
        .Service("ratings", Ns, s => s.Port("http", 9080).Vip("10.96.0.12"))
        .Service("mysql", "db", s => s.Port("tcp", 3306).Vip("10.96.0.20"))
        .Endpoint("productpage", Ns, ProductpageIp, e => e.Labels(("app", "productpage"), ("version", "v1")).Workload("productpage-v1").WithSidecar())
        .Endpoint("reviews", Ns, "10.1.0.21", e => e.Labels(("app", "reviews"), ("version", "v1")).Workload("reviews-v1").WithSidecar().Locality("us-east", "a"))
        .Endpoint("reviews", Ns, "10.1.0.22", e => e.Labels(("app", "reviews"), ("version", "v2")).Workload("reviews-v2").WithSidecar().Locality("us-east", "b"))
        .Endpoint("reviews", Ns, "10.1.0.23", e => e.Labels(("app", "reviews"), ("version", "v3")).Workload("reviews-v3").Locality("us-east", "b").Weight(3))
        .Endpoint("ratings", Ns, "10.1.0.31", e => e.Labels(("app", "ratings"), ("version", "v1")).Workload("ratings-v1"))
        .Endpoint("mysql", "db", "10.1.0.40", e => e.Labels(("app", "mysql")).Workload("mysql"));

    public static Model.Proxies.Proxy Productpage(BuiltMesh mesh) =>
        mesh.Sidecar("productpage-v1-abc", Ns, ProductpageIp, ("app", "productpage"), ("version", "v1"));
}
