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
    public static ClusterEndpointSource? Resolve(GenerationContext context, string clusterName)
    {
        if (!ClusterName.TryParse(clusterName, out var parsed) || !parsed.IsOutbound)
        {
            return null;
        }

        var service = ScopedServices.Find(context.Scope.Services, parsed.Hostname, context.Proxy.Namespace);
        if (service is null || service.Resolution is Resolution.Dns or Resolution.DnsRoundRobin || service.FindPort(parsed.Port) is not { } port)
        {
            return null;
        }

        var rule = context.Scope.DestinationRuleFor(service)?.Config;

        // getSubSetLabels: an unknown subset, or one without labels, selects every endpoint.
        var subset = parsed.Subset.Length > 0 ? rule?.FindSubset(parsed.Subset) : null;
        var labels = subset is { Labels.Count: > 0 } ? subset.Labels : null;
        return new ClusterEndpointSource(service, port, parsed.Subset, labels, rule);
    }
}
