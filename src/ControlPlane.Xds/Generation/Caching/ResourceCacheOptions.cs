namespace ControlPlane.Xds.Generation.Caching;

/// <summary>How the generated-resource caches behave (istiod: <c>PILOT_ENABLE_XDS_CACHE</c>, <c>PILOT_XDS_CACHE_SIZE</c>).</summary>
internal sealed record ResourceCacheOptions(bool Enabled, int Capacity, TimeSpan IdleTimeout)
{
    /// <summary>A pass-through: every request builds. For tests and tools that generate outside a running server.</summary>
    public static ResourceCacheOptions Disabled { get; } = new(false, 0, TimeSpan.Zero);
}
