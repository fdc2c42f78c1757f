namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Route.V3;

/// <summary>
/// Route-side consistent hashing (<c>hashForService</c>, <c>hashForHTTPDestination</c>, <c>consistentHashToHashPolicy</c>):
/// a ring-hash cluster only hashes on what the route tells it to, so every route to such a service carries the key.
/// </summary>
internal static class HashPolicies
{
    /// <summary>The rule's consistent hash for a service port (port-level overrides the top level).</summary>
    public static ConsistentHashSettings? ForService(GenerationContext context, Service service, int port)
    {
        var policy = context.Scope.DestinationRuleFor(service)?.Config.TrafficPolicy;
        var hash = policy?.LoadBalancer?.ConsistentHash;
        foreach (var portPolicy in policy?.PortLevelSettings ?? [])
        {
            if (portPolicy.Port == port)
            {
                return portPolicy.LoadBalancer?.ConsistentHash ?? hash;
            }
        }

        return hash;
    }

    /// <summary>For a route destination: subset port-level, subset, port-level, then top level (explicit ports only).</summary>
    public static ConsistentHashSettings? ForDestination(GenerationContext context, Destination destination, string fqdn)
    {
        var service = ScopedServices.Find(context.Scope, fqdn, context.Proxy.Namespace);
        var rule = service is null ? null : context.Scope.DestinationRuleFor(service)?.Config;
        if (rule is null)
        {
            return null;
        }

        var subset = destination.Subset.Length > 0 ? rule.FindSubset(destination.Subset) : null;
        return PortHash(subset?.TrafficPolicy, destination.Port)
            ?? subset?.TrafficPolicy?.LoadBalancer?.ConsistentHash
            ?? PortHash(rule.TrafficPolicy, destination.Port)
            ?? rule.TrafficPolicy?.LoadBalancer?.ConsistentHash;
    }

    public static RouteAction.Types.HashPolicy? ToEnvoy(ConsistentHashSettings? hash)
    {
        if (hash is null)
        {
            return null;
        }

        if (hash.HttpHeaderName.Length > 0)
        {
            return new RouteAction.Types.HashPolicy { Header = new RouteAction.Types.HashPolicy.Types.Header { HeaderName = hash.HttpHeaderName } };
        }

        if (hash.HttpCookieName.Length > 0)
        {
            var cookie = new RouteAction.Types.HashPolicy.Types.Cookie { Name = hash.HttpCookieName, Path = hash.HttpCookiePath };
            if (hash.HttpCookieTtl is { } ttl)
            {
                cookie.Ttl = EnvoyProto.Duration(ttl);
            }

            cookie.Attributes.AddRange(hash.HttpCookieAttributes.Select(a => new RouteAction.Types.HashPolicy.Types.CookieAttribute { Name = a.Name, Value = a.Value }));

            return new RouteAction.Types.HashPolicy { Cookie = cookie };
        }

        if (hash.UseSourceIp)
        {
            return new RouteAction.Types.HashPolicy
            {
                ConnectionProperties = new RouteAction.Types.HashPolicy.Types.ConnectionProperties { SourceIp = true },
            };
        }

        return hash.HttpQueryParameterName.Length > 0
            ? new RouteAction.Types.HashPolicy { QueryParameter = new RouteAction.Types.HashPolicy.Types.QueryParameter { Name = hash.HttpQueryParameterName } }
            : null;
    }

    private static ConsistentHashSettings? PortHash(TrafficPolicy? policy, int port)
    {
        if (port == 0 || policy is null)
        {
            return null;
        }

        return policy.PortLevelSettings.FirstOrDefault(p => p.Port == port)?.LoadBalancer?.ConsistentHash;
    }
}
