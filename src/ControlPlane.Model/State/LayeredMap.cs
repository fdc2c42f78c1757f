namespace ControlPlane.Model.State;

using System.Collections.Immutable;

/// <summary>
/// One map merged from several sources' layers. The latest upsert of a key wins; when the winning source removes it,
/// another source's value for the key (if any) takes its place. Not thread-safe: the owning store serializes writes.
/// </summary>
internal sealed class LayeredMap<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<string, Dictionary<TKey, TValue>> layers = new(StringComparer.Ordinal);
    private readonly Dictionary<TKey, string> owners = [];

    public ImmutableDictionary<TKey, TValue> Merged { get; private set; } = ImmutableDictionary<TKey, TValue>.Empty;

    public void Set(string source, TKey key, TValue value)
    {
        Layer(source)[key] = value;
        owners[key] = source;
        Merged = Merged.SetItem(key, value);
    }

    /// <summary>Removes the source's value; returns whether the merged view changed.</summary>
    public bool Remove(string source, TKey key)
    {
        if (!Layer(source).Remove(key))
        {
            return false;
        }

        if (owners.GetValueOrDefault(key) != source)
        {
            return false;
        }

        foreach (var (otherSource, entries) in layers)
        {
            if (entries.TryGetValue(key, out var fallback))
            {
                owners[key] = otherSource;
                Merged = Merged.SetItem(key, fallback);
                return true;
            }
        }

        owners.Remove(key);
        Merged = Merged.Remove(key);
        return true;
    }

    private Dictionary<TKey, TValue> Layer(string source)
    {
        if (!layers.TryGetValue(source, out var layer))
        {
            layer = [];
            layers[source] = layer;
        }

        return layer;
    }
}
