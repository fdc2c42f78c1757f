namespace ControlPlane.Xds.Generation;

using System.Collections.Frozen;

/// <summary>
/// The names a proxy subscribed to for one type. <see cref="Wildcard"/> means "everything you have for me" (CDS and LDS
/// as Envoy requests them); otherwise only <see cref="Names"/> are wanted (EDS, RDS, and proxyless LDS/CDS). A plain
/// set, not a frozen one: one is built per subscription change and per push plan, and read a few times.
/// </summary>
internal sealed record WatchedResources(bool Wildcard, IReadOnlySet<string> Names)
{
    public static readonly WatchedResources All = new(true, FrozenSet<string>.Empty);

    public static WatchedResources Of(IEnumerable<string> names) => new(false, names.ToHashSet(StringComparer.Ordinal));

    public bool Wants(string name) => Wildcard || Names.Contains(name);
}
