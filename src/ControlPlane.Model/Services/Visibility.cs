namespace ControlPlane.Model.Services;

using System.Collections.Frozen;

/// <summary>
/// Istio <c>exportTo</c>: <c>*</c> (everywhere, the default), <c>.</c> (own namespace), <c>~</c> (nowhere) or namespace names.
/// </summary>
public sealed record Visibility(bool Public, bool Private, bool None, FrozenSet<string> Namespaces)
{
    public static readonly Visibility Everywhere = new(true, false, false, FrozenSet<string>.Empty);

    public static Visibility Parse(IReadOnlyList<string>? exportTo)
    {
        if (exportTo is null || exportTo.Count == 0)
        {
            return Everywhere;
        }

        bool isPublic = false, isPrivate = false, isNone = false;
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in exportTo)
        {
            switch (entry)
            {
                case "*": isPublic = true; break;
                case ".": isPrivate = true; break;
                case "~": isNone = true; break;
                default: namespaces.Add(entry); break;
            }
        }

        return new Visibility(isPublic, isPrivate, isNone && !isPublic && !isPrivate && namespaces.Count == 0, namespaces.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>Whether an object in <paramref name="ownerNamespace"/> is visible from <paramref name="viewerNamespace"/>.</summary>
    public bool IsVisibleFrom(string ownerNamespace, string viewerNamespace)
    {
        if (None)
        {
            return false;
        }

        return Public
            || (Private && ownerNamespace == viewerNamespace)
            || Namespaces.Contains(viewerNamespace);
    }
}
