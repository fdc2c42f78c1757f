namespace ControlPlane.Model.Config.VirtualServices;

using System.Collections.Immutable;
using ControlPlane.Model.Services;

/// <summary>
/// istiod's <c>mergeVirtualServicesIfNeeded</c>. A VirtualService without hosts is a delegate: it is never served on its
/// own, only through roots. A root rule with <c>delegate</c> is replaced by the delegate's rules merged under it
/// (<see cref="HttpRouteMerger"/>), or dropped when the delegate does not exist or is not exported to the root's
/// namespace; the root's other rules, and its tcp and tls routes, stay as they are. Delegation does not chain: a
/// delegate rule that itself delegates is rejected by validation, and skipped here should one get through.
/// </summary>
public static class VirtualServiceDelegation
{
    public static bool IsDelegate(VirtualService vs) => vs.Hosts.IsDefaultOrEmpty;

    /// <summary>Every VirtualService that is not a delegate, roots resolved; input order is kept.</summary>
    public static IEnumerable<DelegatedVirtualService> Resolve(IReadOnlyCollection<VirtualService> virtualServices, string domainSuffix)
    {
        var delegates = virtualServices.Where(IsDelegate).ToDictionary(vs => vs.Key);
        foreach (var vs in virtualServices)
        {
            if (IsDelegate(vs))
            {
                continue;
            }

            if (!vs.Http.Any(h => h.Delegate is not null))
            {
                yield return new DelegatedVirtualService(vs, []);
                continue;
            }

            yield return Merge(vs, delegates, domainSuffix);
        }
    }

    private static DelegatedVirtualService Merge(VirtualService root, IReadOnlyDictionary<ConfigKey, VirtualService> delegates, string domainSuffix)
    {
        var rootNamespace = root.Meta.Namespace;
        var keys = ImmutableArray.CreateBuilder<ConfigKey>();
        var rules = ImmutableArray.CreateBuilder<HttpRoute>();
        foreach (var rule in root.Http)
        {
            if (rule.Delegate is null)
            {
                rules.Add(rule);
                continue;
            }

            var key = rule.Delegate.KeyFrom(rootNamespace);
            keys.Add(key);
            if (!delegates.TryGetValue(key, out var target)
                || !Visibility.Parse(target.ExportTo).IsVisibleFrom(target.Meta.Namespace, rootNamespace))
            {
                continue;
            }

            var resolvedRoot = HttpRouteMerger.ResolveNames(rule, rootNamespace, domainSuffix);
            var delegated = target.Http
                .Where(d => d.Delegate is null)
                .Select(d => HttpRouteMerger.ResolveNames(d, target.Meta.Namespace, domainSuffix));
            rules.AddRange(HttpRouteMerger.Merge(resolvedRoot, delegated));
        }

        return new DelegatedVirtualService(root with { Http = rules.ToImmutable() }, keys.ToImmutable());
    }
}
