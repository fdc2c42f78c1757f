namespace ControlPlane.Xds.Generation.Proxyless;

using System.Collections.Immutable;
using ControlPlane.Model.Pushing;
using Envoy.Config.Route.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// RDS for proxyless gRPC: <c>outbound|port||fqdn</c> (the name the client listener points at) becomes a route
/// configuration with that name and one virtual host for the service port. Names that do not parse, carry a subset, or
/// name a service port outside the proxy's scope are left out.
/// </summary>
internal sealed class ProxylessRouteGenerator : IResourceGenerator
{
    public string TypeUrl => TypeUrls.Route;

    public bool IsAffectedBy(PushRequest request) => request.Full;

    public GeneratedResources Generate(GenerationContext context)
    {
        var names = context.Watched.Wildcard ? AllRouteNames(context) : context.Watched.Names;
        var resources = ImmutableArray.CreateBuilder<NamedResource>();
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            if (Build(context, name) is { } routeConfig)
            {
                resources.Add(new NamedResource(name, Any.Pack(routeConfig)));
            }
        }

        return new GeneratedResources(resources.ToImmutable());
    }

    internal static RouteConfiguration? Build(GenerationContext context, string name)
    {
        if (!OutboundResourceName.TryParse(name, out var key) || key.Subset.Length != 0
            || ScopedServiceLookup.FindPort(context, key.Hostname, key.Port) is not { } found)
        {
            return null;
        }

        var target = new ListenerTarget(found.Service, found.Port);
        var routeConfig = new RouteConfiguration { Name = name };
        routeConfig.VirtualHosts.Add(ProxylessVirtualHostBuilder.Build(context, target, ProxylessRouteBuilder.Build(context, target)));
        return routeConfig;
    }

    private static IEnumerable<string> AllRouteNames(GenerationContext context) =>
        context.Scope.Services.SelectMany(s => s.Ports.Select(p => new OutboundResourceName(p.Port, "", s.Hostname).ToString()))
            .Distinct(StringComparer.Ordinal);
}
