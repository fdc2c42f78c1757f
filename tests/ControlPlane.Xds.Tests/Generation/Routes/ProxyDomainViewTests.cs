namespace ControlPlane.Xds.Tests.Generation.Routes;

using ControlPlane.Xds.Generation.Routes;

/// <summary>
/// The proxy-domain view that keys shared virtual hosts gives every host exactly the domain forms the proxy's own domain
/// gives, and is the same for every proxy outside the service's namespace.
/// </summary>
public sealed class ProxyDomainViewTests
{
    private static readonly string[] Hosts =
    [
        "reviews.default.svc.cluster.local", "reviews.team.svc.cluster.local", "db.team.svc.cluster.local",
        "api.example.com", "a.b.svc.other.suffix", "svc.svc.cluster.local", "x.default.svc.cluster.local.evil.com",
        "reviews.default", "default.svc.cluster.local", "*.default.svc.cluster.local", "host.local",
    ];

    private static readonly string[] ProxyDomains =
    [
        "default.svc.cluster.local", "team.svc.cluster.local", "other.svc.other.suffix", "corp.example.com",
        "cluster.local", "", "svc.cluster.local", ".svc.cluster.local",
    ];

    [Fact]
    public void Every_host_gets_the_same_domain_forms_through_the_view_as_through_the_proxy_domain()
    {
        foreach (var domain in ProxyDomains)
        {
            var view = new ProxyDomainView(domain);
            foreach (var host in Hosts)
            {
                Assert.True(
                    VirtualHostDomains.AltHosts(host, domain).SequenceEqual(VirtualHostDomains.AltHosts(host, view.For(host))),
                    $"host {host}, proxy domain '{domain}', view '{view.For(host)}'");
            }
        }
    }

    [Fact]
    public void Proxies_outside_the_services_namespace_share_one_view_and_its_own_namespace_keeps_the_short_name()
    {
        const string Host = "reviews.default.svc.cluster.local";

        var team = new ProxyDomainView("team.svc.cluster.local").For(Host);
        var db = new ProxyDomainView("db.svc.cluster.local").For(Host);
        var own = new ProxyDomainView("default.svc.cluster.local").For(Host);

        Assert.Equal(team, db);
        Assert.NotEqual(team, own);
        Assert.Contains("reviews", VirtualHostDomains.AltHosts(Host, own));
        Assert.DoesNotContain("reviews", VirtualHostDomains.AltHosts(Host, team));
    }

    [Fact]
    public void A_domain_outside_kubernetes_is_its_own_view()
    {
        Assert.Equal("corp.example.com", new ProxyDomainView("corp.example.com").For("api.example.com"));
    }
}
