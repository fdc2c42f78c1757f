namespace ControlPlane.Xds.Tests.Generation.Sidecars;

using System.Collections.Frozen;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Proxies;
using ControlPlane.Model.Services;
using ControlPlane.Testing.Mesh;
using ControlPlane.Testing.Xds;

/// <summary>
/// The bookinfo test mesh plus a Sidecar for productpage named <c>pp</c>, and the proxy it applies to. The sidecar's
/// inbound side is what these tests look at; the egress gateway service lets an egress proxy cluster exist.
/// </summary>
internal static class SidecarIngressMesh
{
    public const string SidecarName = "pp";
    public const string EgressGateway = "istio-egressgateway.istio-system.svc.cluster.local";

    public static BuiltMesh Build(Func<Sidecar, Sidecar> configure, params Model.Config.IstioConfig[] extra)
    {
        var sidecar = configure(new Sidecar
        {
            Meta = Configs.Meta(SidecarName),
            WorkloadSelector = new Model.Config.WorkloadSelector(new Dictionary<string, string> { ["app"] = "productpage" }.ToFrozenDictionary()),
        });
        return Bookinfo.Mesh()
            .Service("istio-egressgateway", "istio-system", s => s.Port("https", 443, Protocol.Https).Vip("10.96.9.1"))
            .Config([sidecar, .. extra])
            .Build();
    }

    public static Proxy Proxy(BuiltMesh mesh) => Bookinfo.Productpage(mesh);

    public static SidecarIngressListener Ingress(int port, Protocol protocol, string name = "") => new(new SidecarPort(port, protocol, name));

    public static ConnectionPoolSettings Pool(int maxConnections) => new() { MaxConnections = maxConnections };

    public static Destination EgressProxy => new(EgressGateway, "", 443);

    /// <summary>Every generated snapshot must pass the consistency checker (names referenced exist, Anys unpack).</summary>
    public static void AssertConsistent(BuiltMesh mesh, Proxy proxy) =>
        XdsSnapshotConsistency.AssertConsistent(EnvoySnapshots.ForSidecar(mesh.Push, proxy));
}
