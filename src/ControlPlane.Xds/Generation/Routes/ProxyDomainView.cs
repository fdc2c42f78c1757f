namespace ControlPlane.Xds.Generation.Routes;

/// <summary>
/// The part of a proxy's DNS domain that one service's domain forms depend on (<see cref="VirtualHostDomains.For"/>). A
/// Kubernetes proxy domain (<c>ns.svc.suffix</c>) matters only through its suffix and whether the service lives in the
/// proxy's namespace, so every proxy outside that namespace gets the same view (<c>*.svc.suffix</c>, a namespace no
/// host can have) and so shares one cached virtual host; other domains are their own view.
/// </summary>
internal sealed class ProxyDomainView
{
    private readonly string proxyDomain;
    private readonly string? otherNamespaces;
    private readonly int svcIndex;

    public ProxyDomainView(string proxyDomain)
    {
        this.proxyDomain = proxyDomain;
        svcIndex = proxyDomain.IndexOf(".svc.", StringComparison.Ordinal);
        otherNamespaces = svcIndex > 0 ? "*" + proxyDomain[svcIndex..] : null;
    }

    /// <summary>A domain that gives <paramref name="hostname"/> the same domain forms as the proxy's own domain does.</summary>
    public string For(string hostname)
    {
        if (otherNamespaces is null)
        {
            return proxyDomain;
        }

        var host = hostname.AsSpan();
        var ih = hostname.IndexOf(".svc.", StringComparison.Ordinal);
        var ns = hostname.IndexOf('.', StringComparison.Ordinal);
        var sameNamespace = ih > 0 && ns > 0 && ns < ih
            && host.EndsWith(proxyDomain.AsSpan(svcIndex), StringComparison.Ordinal)
            && host[(ns + 1)..ih].SequenceEqual(proxyDomain.AsSpan(0, svcIndex));
        return sameNamespace ? proxyDomain : otherNamespaces;
    }
}
