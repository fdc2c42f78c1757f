namespace ControlPlane.Xds.Generation.Routes;

using System.Collections.Immutable;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Route.V3;

/// <summary>
/// The virtual host of a service port that no VirtualService routes (<c>BuildDefaultHTTPOutboundRoute</c> under every
/// domain form of the service), built once per <see cref="DefaultVirtualHostInputs"/> and shared by every route
/// configuration that includes it unchanged: a route configuration whose earlier virtual hosts already took one of its
/// domains builds its own copy with the rest (<see cref="VirtualHostBuilder"/>). Never mutated once built.
/// </summary>
internal sealed record DefaultVirtualHost(
    Route Route, ImmutableArray<string> Domains, ImmutableArray<string> DomainKeys, ImmutableArray<string> AltHosts, VirtualHost Host)
{
    public string Name => Host.Name;

    public static DefaultVirtualHost Build(DefaultVirtualHostInputs inputs)
    {
        var service = inputs.Service;
        var route = DefaultRoutes.Outbound(
            ClusterName.Outbound(inputs.Port, "", service.Hostname),
            DefaultRoutes.TraceOperation(service.Hostname, inputs.Port),
            HashPolicies.ToEnvoy(inputs.HashRef.Value));
        var (allDomains, altHosts) = VirtualHostDomains.For(service, inputs.DomainView);

        // A form listed twice (a VIP equal to the host name) is kept once, as dedupeDomains would keep it.
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var domains = allDomains.Where(d => keys.Add(d.ToLowerInvariant())).ToList();
        var host = new VirtualHost { Name = VirtualHostBuilder.Name(service.Hostname, inputs.Port), IncludeRequestAttemptCount = true };
        host.Domains.AddRange(domains);
        host.Routes.Add(route);
        return new DefaultVirtualHost(
            route, [.. domains], [.. domains.Select(d => d.ToLowerInvariant())], [.. altHosts], host);
    }
}
