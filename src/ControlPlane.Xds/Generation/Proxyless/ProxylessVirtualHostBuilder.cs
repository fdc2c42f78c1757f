namespace ControlPlane.Xds.Generation.Proxyless;

using System.Globalization;
using Envoy.Config.Route.V3;

/// <summary>
/// The single virtual host of a proxyless route configuration. gRPC matches domains against the dial target exactly as
/// written (<c>host:port</c> or <c>host</c>), so, as istiod does for proxyless clients (no ignore-port), every name form a
/// listener can resolve is listed with and without the port: the FQDN, <c>name.ns.svc</c> and <c>name.ns</c> for
/// Kubernetes-style hosts, and the bare <c>name</c> for clients in the service's namespace.
/// </summary>
internal static class ProxylessVirtualHostBuilder
{
    public static VirtualHost Build(GenerationContext context, ListenerTarget target, RouteBuildResult routes)
    {
        var virtualHost = new VirtualHost
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"{target.Service.Hostname}:{target.Port.Port}"),
        };
        virtualHost.Domains.Add(Domains(target, context.Proxy.Namespace, context.Push.Mesh.DomainSuffix));
        virtualHost.Routes.Add(routes.Routes);
        return virtualHost;
    }

    internal static IEnumerable<string> Domains(ListenerTarget target, string proxyNamespace, string domainSuffix)
    {
        var port = target.Port.Port.ToString(CultureInfo.InvariantCulture);
        foreach (var host in HostForms(target.Service.Hostname, target.Service.Namespace, proxyNamespace, domainSuffix))
        {
            yield return host;
            yield return $"{host}:{port}";
        }
    }

    private static IEnumerable<string> HostForms(string hostname, string serviceNamespace, string proxyNamespace, string domainSuffix)
    {
        yield return hostname;

        // Only name.<serviceNamespace>.svc.<domain> hosts have Kubernetes short forms (istiod's GenerateAltVirtualHosts).
        var suffix = $".{serviceNamespace}.svc.{domainSuffix}";
        if (!hostname.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) || hostname.Length == suffix.Length)
        {
            yield break;
        }

        var name = hostname[..^suffix.Length];
        if (name.Contains('.', StringComparison.Ordinal))
        {
            yield break;
        }

        yield return $"{name}.{serviceNamespace}.svc";
        yield return $"{name}.{serviceNamespace}";
        if (serviceNamespace == proxyNamespace)
        {
            yield return name;
        }
    }
}
