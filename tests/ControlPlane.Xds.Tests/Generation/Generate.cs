namespace ControlPlane.Xds.Tests.Generation;

using ControlPlane.Model.Proxies;
using ControlPlane.Testing.Mesh;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Generation.Clusters;
using ControlPlane.Xds.Generation.Endpoints;
using ControlPlane.Xds.Generation.Listeners;
using ControlPlane.Xds.Generation.Routes;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;

/// <summary>Runs one generator for a proxy of a built mesh and unpacks its resources.</summary>
internal static class Generate
{
    public static GenerationContext Context(BuiltMesh mesh, Proxy proxy, WatchedResources? watched = null) =>
        new(mesh.Push, proxy, mesh.ScopeFor(proxy), watched ?? WatchedResources.All);

    public static List<Cluster> Clusters(BuiltMesh mesh, Proxy proxy) =>
        [.. new ClusterGenerator().Generate(Context(mesh, proxy)).Resources.Select(r => r.Resource.Unpack<Cluster>())];

    public static List<Listener> Listeners(BuiltMesh mesh, Proxy proxy) =>
        [.. new ListenerGenerator().Generate(Context(mesh, proxy)).Resources.Select(r => r.Resource.Unpack<Listener>())];

    public static List<ClusterLoadAssignment> Endpoints(BuiltMesh mesh, Proxy proxy, params string[] names) =>
        [.. new EndpointGenerator().Generate(Context(mesh, proxy, WatchedResources.Of(names))).Resources.Select(r => r.Resource.Unpack<ClusterLoadAssignment>())];

    public static ClusterLoadAssignment Endpoint(BuiltMesh mesh, Proxy proxy, string name) => Endpoints(mesh, proxy, name).Single();

    public static List<RouteConfiguration> Routes(BuiltMesh mesh, Proxy proxy, params string[] names) =>
        [.. new RouteGenerator().Generate(Context(mesh, proxy, WatchedResources.Of(names))).Resources.Select(r => r.Resource.Unpack<RouteConfiguration>())];

    public static RouteConfiguration Route(BuiltMesh mesh, Proxy proxy, string name) => Routes(mesh, proxy, name).Single();

    public static Cluster Cluster(BuiltMesh mesh, Proxy proxy, string name) => Clusters(mesh, proxy).Single(c => c.Name == name);

    public static Listener Listener(BuiltMesh mesh, Proxy proxy, string name) => Listeners(mesh, proxy).Single(l => l.Name == name);
}
