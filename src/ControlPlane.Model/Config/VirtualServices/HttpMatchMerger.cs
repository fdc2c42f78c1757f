namespace ControlPlane.Model.Config.VirtualServices;

using System.Collections.Frozen;
using System.Collections.Immutable;

/// <summary>
/// istiod's <c>mergeHTTPMatchRequests</c>: every match of a delegate rule must fit inside at least one match of the root
/// rule (a match that cannot is a conflict and the delegate rule is dropped). Each compatible (root, delegate) pair
/// becomes one match: the delegate's conditions, with the root's filling in what the delegate leaves unset (header, query
/// and source-label maps are unions, the delegate's value winning per key).
/// </summary>
public static class HttpMatchMerger
{
    /// <summary>The merged matches, or null when the delegate's matches conflict with the root's.</summary>
    public static ImmutableArray<HttpMatchRequest>? Merge(ImmutableArray<HttpMatchRequest> root, ImmutableArray<HttpMatchRequest> delegated)
    {
        if (root.IsDefaultOrEmpty)
        {
            return delegated.IsDefault ? [] : delegated;
        }

        if (delegated.IsDefaultOrEmpty)
        {
            return root;
        }

        var merged = ImmutableArray.CreateBuilder<HttpMatchRequest>();
        foreach (var leaf in delegated)
        {
            var found = false;
            foreach (var rootMatch in root)
            {
                if (!HasConflict(rootMatch, leaf))
                {
                    merged.Add(MergeOne(rootMatch, leaf));
                    found = true;
                }
            }

            if (!found)
            {
                return null;
            }
        }

        return merged.Count == 0 ? null : merged.ToImmutable();
    }

    /// <summary><c>hasConflict</c>: whether <paramref name="leaf"/> can match something <paramref name="root"/> does not allow.</summary>
    public static bool HasConflict(HttpMatchRequest root, HttpMatchRequest leaf)
    {
        if (StringMatchConflict(root.Uri, leaf.Uri) || StringMatchConflict(root.Scheme, leaf.Scheme)
            || StringMatchConflict(root.Method, leaf.Method) || StringMatchConflict(root.Authority, leaf.Authority))
        {
            return true;
        }

        if (leaf.Headers.Any(h => StringMatchConflict(root.Headers.GetValueOrDefault(h.Key), h.Value))
            || leaf.WithoutHeaders.Any(h => StringMatchConflict(root.WithoutHeaders.GetValueOrDefault(h.Key), h.Value))
            || leaf.QueryParams.Any(q => StringMatchConflict(root.QueryParams.GetValueOrDefault(q.Key), q.Value)))
        {
            return true;
        }

        if (root.IgnoreUriCase != leaf.IgnoreUriCase
            || (root.Port > 0 && leaf.Port > 0 && root.Port != leaf.Port)
            || (root.SourceNamespace.Length > 0 && leaf.SourceNamespace != root.SourceNamespace))
        {
            return true;
        }

        if (leaf.SourceLabels.Any(l => root.SourceLabels.TryGetValue(l.Key, out var value) && value != l.Value))
        {
            return true;
        }

        // The root must list every gateway the delegate names.
        return !root.Gateways.IsDefaultOrEmpty && !leaf.Gateways.IsDefaultOrEmpty
            && (root.Gateways.Length < leaf.Gateways.Length || leaf.Gateways.Any(g => !root.Gateways.Contains(g)));
    }

    /// <summary>
    /// <c>stringMatchConflict</c>: no conflict when either side is unset; a regex on either side always conflicts; an exact
    /// root needs the same exact leaf; a prefix root needs a leaf prefix or exact value starting with it. An empty value
    /// counts as unset kind, as in istiod (so <c>exact: ""</c> conflicts with everything).
    /// </summary>
    public static bool StringMatchConflict(StringMatch? root, StringMatch? leaf)
    {
        if (root is null || leaf is null)
        {
            return false;
        }

        if (Value(root, StringMatchKind.Regex).Length > 0 || Value(leaf, StringMatchKind.Regex).Length > 0)
        {
            return true;
        }

        if (Value(root, StringMatchKind.Exact) is { Length: > 0 } exact)
        {
            return Value(leaf, StringMatchKind.Prefix).Length > 0 || Value(leaf, StringMatchKind.Exact) != exact;
        }

        if (Value(root, StringMatchKind.Prefix) is { Length: > 0 } prefix)
        {
            if (Value(leaf, StringMatchKind.Prefix) is { Length: > 0 } leafPrefix)
            {
                return !leafPrefix.StartsWith(prefix, StringComparison.Ordinal);
            }

            if (Value(leaf, StringMatchKind.Exact) is { Length: > 0 } leafExact)
            {
                return !leafExact.StartsWith(prefix, StringComparison.Ordinal);
            }
        }

        return true;
    }

    /// <summary><c>mergeHTTPMatchRequest</c>: the delegate's match, with the root's conditions where the delegate has none.</summary>
    private static HttpMatchRequest MergeOne(HttpMatchRequest root, HttpMatchRequest leaf) => leaf with
    {
        Name = JoinNames(root.Name, leaf.Name),
        Uri = leaf.Uri ?? root.Uri,
        Scheme = leaf.Scheme ?? root.Scheme,
        Method = leaf.Method ?? root.Method,
        Authority = leaf.Authority ?? root.Authority,
        Headers = root.Headers.SetItems(leaf.Headers),
        WithoutHeaders = root.WithoutHeaders.SetItems(leaf.WithoutHeaders),
        QueryParams = root.QueryParams.SetItems(leaf.QueryParams),
        Port = leaf.Port != 0 ? leaf.Port : root.Port,
        SourceLabels = Union(root.SourceLabels, leaf.SourceLabels),
        SourceNamespace = leaf.SourceNamespace.Length > 0 ? leaf.SourceNamespace : root.SourceNamespace,
        Gateways = leaf.Gateways.IsDefaultOrEmpty ? root.Gateways : leaf.Gateways,
        StatPrefix = leaf.StatPrefix.Length > 0 ? leaf.StatPrefix : root.StatPrefix,
    };

    /// <summary>istiod names merged rules and matches <c>root-delegate</c>, or whichever of the two is set.</summary>
    internal static string JoinNames(string root, string leaf) =>
        leaf.Length == 0 ? root : root.Length == 0 ? leaf : $"{root}-{leaf}";

    private static FrozenDictionary<string, string> Union(
        IReadOnlyDictionary<string, string> root, IReadOnlyDictionary<string, string> leaf)
    {
        var merged = new Dictionary<string, string>(root, StringComparer.Ordinal);
        foreach (var (key, value) in leaf)
        {
            merged[key] = value;
        }

        return merged.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string Value(StringMatch match, StringMatchKind kind) => match.MatchKind == kind ? match.Value : "";
}
