namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Hosts;
using Envoy.Config.Route.V3;

/// <summary>
/// <c>applyHTTPRouteDestination</c>: timeout, rewrites (a regex rewrite wins over a prefix one), mirrors, then one cluster or weighted clusters (zero weights dropped), per
/// destination headers, hash policies, and the retry policy.
/// </summary>
internal static class RouteActionBuilder
{
    public static RouteAction Build(RouteDestinationContext context, HttpRoute http, Route route, string authority)
    {
        var action = new RouteAction();
        RouteTimeouts.Apply(action, http.Timeout);
        if (http.Rewrite is { } rewrite)
        {
            if (rewrite.UriRegexRewrite is { } regex)
            {
                action.RegexRewrite = new Envoy.Type.Matcher.V3.RegexMatchAndSubstitute
                {
                    Pattern = new Envoy.Type.Matcher.V3.RegexMatcher { Regex = regex.Match },
                    Substitution = regex.Rewrite,
                };
            }
            else if (rewrite.Uri.Length > 0)
            {
                action.PrefixRewrite = rewrite.Uri;
            }

            if (rewrite.Authority.Length > 0)
            {
                authority = rewrite.Authority;
            }
        }

        if (authority.Length > 0)
        {
            action.HostRewriteLiteral = authority;
        }

        MirrorPolicyBuilder.Apply(context, http, action);

        var consistentHash = false;
        if (http.Route.Length == 1)
        {
            consistentHash = ApplySingle(context, http.Route[0], route, action);
        }
        else
        {
            ApplyWeighted(context, http, action);
        }

        action.RetryPolicy = RetryPolicyBuilder.Build(http.Retries, consistentHash);
        return action;
    }

    private static bool ApplySingle(RouteDestinationContext context, HttpRouteDestination destination, Route route, RouteAction action)
    {
        var fqdn = Resolve(context, destination.Destination.Host);
        action.Cluster = DestinationClusters.For(destination.Destination, fqdn, context.ServicesByHost.GetValueOrDefault(fqdn), context.ListenerPort);
        if (destination.Headers is { } headers)
        {
            var translated = HeaderOperationsBuilder.Translate(headers);
            route.RequestHeadersToAdd.AddRange(translated.RequestToAdd);
            route.RequestHeadersToRemove.AddRange(translated.RequestToRemove);
            route.ResponseHeadersToAdd.AddRange(translated.ResponseToAdd);
            route.ResponseHeadersToRemove.AddRange(translated.ResponseToRemove);

            // A route-level rewrite wins: Envoy would otherwise disagree between single and weighted destinations.
            if (translated.Authority.Length > 0 && action.HostRewriteSpecifierCase == RouteAction.HostRewriteSpecifierOneofCase.None)
            {
                action.HostRewriteLiteral = translated.Authority;
            }
        }

        var hash = HashPolicies.ToEnvoy(HashPolicies.ForDestination(context.Generation, destination.Destination, fqdn));
        if (hash is not null)
        {
            action.HashPolicy.Add(hash);
        }

        return hash is not null;
    }

    private static void ApplyWeighted(RouteDestinationContext context, HttpRoute http, RouteAction action)
    {
        var weighted = new WeightedCluster();
        foreach (var destination in http.Route)
        {
            if (destination.Weight == 0)
            {
                continue;
            }

            var fqdn = Resolve(context, destination.Destination.Host);
            var cluster = new WeightedCluster.Types.ClusterWeight
            {
                Name = DestinationClusters.For(destination.Destination, fqdn, context.ServicesByHost.GetValueOrDefault(fqdn), context.ListenerPort),
                Weight = (uint)destination.Weight,
            };
            if (destination.Headers is { } headers)
            {
                var translated = HeaderOperationsBuilder.Translate(headers);
                cluster.RequestHeadersToAdd.AddRange(translated.RequestToAdd);
                cluster.RequestHeadersToRemove.AddRange(translated.RequestToRemove);
                cluster.ResponseHeadersToAdd.AddRange(translated.ResponseToAdd);
                cluster.ResponseHeadersToRemove.AddRange(translated.ResponseToRemove);
                if (translated.Authority.Length > 0)
                {
                    cluster.HostRewriteLiteral = translated.Authority;
                }
            }

            weighted.Clusters.Add(cluster);
            if (HashPolicies.ToEnvoy(HashPolicies.ForDestination(context.Generation, destination.Destination, fqdn)) is { } hash)
            {
                action.HashPolicy.Add(hash);
            }
        }

        action.WeightedClusters = weighted;
    }

    /// <summary>istiod resolves destination short names in the VirtualService's namespace before translation.</summary>
    internal static string Resolve(RouteDestinationContext context, string host) =>
        HostName.Resolve(host, context.VirtualService.Config.Meta.Namespace, context.Generation.Push.Mesh.DomainSuffix);
}
