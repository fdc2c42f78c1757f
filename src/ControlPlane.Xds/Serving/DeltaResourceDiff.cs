namespace ControlPlane.Xds.Serving;

using ControlPlane.Xds.Generation;

/// <summary>
/// Computes a delta response against what the client holds (<see cref="Subscription.ClientVersions"/>): a resource is
/// sent when its content hash differs from the client's version (or it is forced); a name is removed when the client
/// holds it (or it is announced as missing) and generation no longer produces it. Which names are considered: those
/// given, else every name the client holds (wildcard) or every subscribed name (named). Pure apart from
/// <see cref="Apply"/>, which records the response as what the client now holds.
/// </summary>
internal static class DeltaResourceDiff
{
    public static DeltaDiff Compute(Subscription subscription, IReadOnlyList<NamedResource> generated, DeltaSendPlan plan)
    {
        var changed = new List<(NamedResource, string)>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in generated)
        {
            present.Add(resource.Name);
            var version = resource.Version;
            if (plan.Forced.Contains(resource.Name)
                || !subscription.ClientVersions.TryGetValue(resource.Name, out var held)
                || held != version)
            {
                changed.Add((resource, version));
            }
        }

        IEnumerable<string> candidates = plan.Names
            ?? (subscription.Wildcard ? subscription.ClientVersions.Keys : subscription.Names);
        var removed = candidates
            .Where(n => !present.Contains(n) && (plan.AnnounceMissing || subscription.ClientVersions.ContainsKey(n)))
            .Concat(plan.Removed)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new DeltaDiff(changed, removed);
    }

    public static void Apply(Subscription subscription, DeltaDiff diff)
    {
        foreach (var (resource, version) in diff.Changed)
        {
            subscription.ClientVersions[resource.Name] = version;
        }

        foreach (var name in diff.Removed)
        {
            subscription.ClientVersions.Remove(name);
        }
    }
}
