namespace ControlPlane.Xds.Tests.Generation.Routes;

using ControlPlane.Model.Config;
using ControlPlane.Model.Config.VirtualServices;
using Envoy.Config.Route.V3;
using static ControlPlane.Xds.Tests.Generation.Configs;

/// <summary>
/// Sidecars never merge VirtualServices for one host: the first in istiod's precedence order (private to the proxy's
/// namespace, then exported to it, then public; each oldest first, then by name) owns the virtual host and the others
/// are left out, as istiod drops duplicate virtual hosts.
/// </summary>
public sealed class DuplicateHostRouteTests
{
    private const string ReviewsHost = "reviews.default.svc.cluster.local:9080";
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    [Fact]
    public void The_oldest_virtual_service_wins_and_the_others_are_not_merged()
    {
        var routes = ReviewsRoutes(
            Vs("newer", "default", T0.AddMinutes(1), [], "/newer"),
            Vs("older", "default", T0, [], "/older"));

        Assert.Equal(["older"], routes.Select(r => r.Name));
    }

    [Fact]
    public void Same_age_falls_back_to_name_then_namespace()
    {
        var routes = ReviewsRoutes(
            Vs("b", "aaa", T0, [], "/b"),
            Vs("a", "zzz", T0, [], "/a"));

        Assert.Equal(["a"], routes.Select(r => r.Name));
    }

    [Fact]
    public void A_virtual_service_private_to_the_proxys_namespace_beats_an_older_public_one()
    {
        var routes = ReviewsRoutes(
            Vs("public", "other", T0, [], "/public"),
            Vs("exported", "team", T0.AddMinutes(1), ["default"], "/exported"),
            Vs("private", "default", T0.AddMinutes(2), ["."], "/private"));

        Assert.Equal(["private"], routes.Select(r => r.Name));
    }

    [Fact]
    public void A_virtual_service_exported_to_the_proxys_namespace_beats_an_older_public_one()
    {
        var routes = ReviewsRoutes(
            Vs("public", "other", T0, [], "/public"),
            Vs("exported", "team", T0.AddMinutes(1), ["default"], "/exported"));

        Assert.Equal(["exported"], routes.Select(r => r.Name));
    }

    private static VirtualService Vs(string name, string ns, DateTimeOffset created, string[] exportTo, string prefix) => new()
    {
        Meta = new ConfigMeta { Name = name, Namespace = ns, CreationTimestamp = created },
        Hosts = [Bookinfo.Reviews],
        ExportTo = [.. exportTo],
        Http = [new HttpRoute { Name = name, Match = [Match(Prefix(prefix))], Route = [To(Bookinfo.Reviews)] }],
    };

    private static List<Route> ReviewsRoutes(params IstioConfig[] configs)
    {
        var mesh = Bookinfo.Mesh().Config(configs).Build();
        return [.. Generate.Route(mesh, Bookinfo.Productpage(mesh), "9080").VirtualHosts.Single(v => v.Name == ReviewsHost).Routes];
    }
}
