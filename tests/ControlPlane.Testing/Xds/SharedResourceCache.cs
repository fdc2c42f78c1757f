namespace ControlPlane.Testing.Xds;

using ControlPlane.Xds.Generation.Caching;

/// <summary>
/// The server's generated-resource caches, enabled, for tests that generate for several proxies or push contexts and
/// check that shared results equal freshly generated ones. Pass one to <see cref="EnvoySnapshots.ForSidecar"/>.
/// </summary>
public sealed class SharedResourceCache
{
    internal ResourceCaches Caches { get; } =
        new(new ResourceCacheOptions(Enabled: true, Capacity: 100_000, IdleTimeout: TimeSpan.FromHours(1)), TimeProvider.System, IResourceCacheMetrics.None);

    /// <summary>How many entries the caches hold.</summary>
    public int Count => Caches.Count;
}
