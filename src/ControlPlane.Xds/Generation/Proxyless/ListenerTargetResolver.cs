namespace ControlPlane.Xds.Generation.Proxyless;

using ControlPlane.Model.Services;

/// <summary>
/// Resolves a proxyless client's listener name (its dial target, <c>host:port</c>) to a service in its scope. As istiod's
/// grpcgen does, Kubernetes short forms resolve against the proxy's namespace and the mesh domain: <c>name</c>,
/// <c>name.ns</c>, <c>name.ns.svc</c>. A target without a port resolves only when the service has exactly one port.
/// </summary>
internal static class ListenerTargetResolver
{
    public static ListenerTarget? Resolve(GenerationContext context, string listenerName)
    {
        if (!HostPort.TryParse(listenerName, out var target) || target.Host.Length == 0)
        {
            return null;
        }

        foreach (var hostname in Candidates(target.Host, context.Proxy.Namespace, context.Push.Mesh.DomainSuffix))
        {
            var service = ScopedServiceLookup.Find(context, hostname);
            if (service is null)
            {
                continue;
            }

            var port = target.Port is { } number ? service.FindPort(number) : SinglePort(service);
            if (port is not null)
            {
                return new ListenerTarget(service, port);
            }
        }

        return null;
    }

    /// <summary>The host as written first, then its Kubernetes expansions (istiod's listener-name filter).</summary>
    internal static IEnumerable<string> Candidates(string host, string proxyNamespace, string domainSuffix)
    {
        yield return host;
        if (host.EndsWith(".svc", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{host}.{domainSuffix}";
            yield break;
        }

        switch (host.Count(c => c == '.'))
        {
            case 0:
                yield return $"{host}.{proxyNamespace}.svc.{domainSuffix}";
                break;
            case 1:
                yield return $"{host}.svc.{domainSuffix}";
                break;
        }
    }

    private static ServicePort? SinglePort(Service service) => service.Ports.Length == 1 ? service.Ports[0] : null;
}
