namespace ControlPlane.Xds.Generation.Endpoints;

using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Naming;

/// <summary>
/// Resolves an EDS name (<c>NewEndpointBuilder</c>): parse <c>outbound|port|subset|host</c>, find the service the proxy can
/// see and its port. DNS-resolved services have no EDS (their endpoints are inline in CDS), so they resolve to nothing.
/// </summary>
internal static class ClusterEndpoints
{
    public static EndpointInputs? Resolve(GenerationContext context, string clusterName)
    {
        if (!ClusterName.TryParse(clusterName, out var parsed) || !parsed.IsOutbound)
        {
            return null;
        }

        var service = ScopedServices.Find(context.Scope, parsed.Hostname, context.Proxy.Namespace);
        if (service is null || service.Resolution is Resolution.Dns or Resolution.DnsRoundRobin || service.FindPort(parsed.Port) is not { } port)
        {
            return null;
        }

        var rule = context.Scope.DestinationRuleFor(service)?.Config;
        return new EndpointInputs(
            clusterName,
            new(service),
            port,
            parsed.Subset,
            new(rule),
            context.Push.Endpoints.For(service.Key),
            context.Proxy.ClusterId,
            LocalityLbResolver.ForEndpoints(context, rule, port.Port, parsed.Subset));
    }
}
