namespace ControlPlane.Model.Config.VirtualServices;

using System.Collections.Immutable;

/// <summary>
/// istiod's <c>mergeHTTPRoutes</c>: a root rule with a delegate becomes the delegate's rules, in order, each with its
/// matches merged into the root's (<see cref="HttpMatchMerger"/>; a rule whose matches conflict is dropped) and the
/// root's rewrite, direct response, timeout, retries, fault, mirrors, CORS policy and headers filling in what the
/// delegate rule leaves unset.
/// </summary>
public static class HttpRouteMerger
{
    public static IEnumerable<HttpRoute> Merge(HttpRoute root, IEnumerable<HttpRoute> delegated)
    {
        foreach (var leaf in delegated)
        {
            if (Merge(root, leaf) is { } merged)
            {
                yield return merged;
            }
        }
    }

    /// <summary>One delegate rule under the root rule, or null when their matches conflict.</summary>
    public static HttpRoute? Merge(HttpRoute root, HttpRoute leaf)
    {
        if (HttpMatchMerger.Merge(root.Match, leaf.Match) is not { } match)
        {
            return null;
        }

        return leaf with
        {
            Match = match,
            Name = HttpMatchMerger.JoinNames(root.Name, leaf.Name),
            Rewrite = leaf.Rewrite ?? root.Rewrite,
            DirectResponse = leaf.DirectResponse ?? root.DirectResponse,
            Timeout = leaf.Timeout ?? root.Timeout,
            Retries = leaf.Retries ?? root.Retries,
            Fault = leaf.Fault ?? root.Fault,
            Mirrors = leaf.Mirrors.IsDefaultOrEmpty ? root.Mirrors : leaf.Mirrors,
            CorsPolicy = leaf.CorsPolicy ?? root.CorsPolicy,
            Headers = leaf.Headers ?? root.Headers,
            Delegate = null,
        };
    }

    /// <summary>
    /// The rule with destination hosts (routes and mirrors) made fully qualified and match gateway names made
    /// <c>namespace/name</c>, both in <paramref name="ns"/>: istiod resolves each VirtualService's short names in its own
    /// namespace before merging, so a delegate's <c>reviews</c> is the delegate namespace's reviews although the merged
    /// rule belongs to the root.
    /// </summary>
    public static HttpRoute ResolveNames(HttpRoute rule, string ns, string domainSuffix)
    {
        Destination Resolve(Destination d) => d with { Host = Hosts.HostName.Resolve(d.Host, ns, domainSuffix) };
        return rule with
        {
            Route = [.. rule.Route.Select(d => d with { Destination = Resolve(d.Destination) })],
            Mirrors = rule.Mirrors.IsDefault ? [] : [.. rule.Mirrors.Select(m => m with { Destination = Resolve(m.Destination) })],
            Match = rule.Match.IsDefault ? [] : [.. rule.Match.Select(m => m with { Gateways = GatewayNames.ResolveAll(m.Gateways, ns) })],
        };
    }
}
