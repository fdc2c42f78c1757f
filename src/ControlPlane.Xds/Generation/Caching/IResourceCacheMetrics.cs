namespace ControlPlane.Xds.Generation.Caching;

/// <summary>What a <see cref="ResourceCache{TKey}"/> reports: istiod's <c>xds_cache_reads</c> and <c>xds_cache_evictions</c>.</summary>
internal interface IResourceCacheMetrics
{
    void CacheRead(bool hit);

    void CacheEvicted(int idle, int overCapacity);

    /// <summary>Reports nothing, for caches outside a running server.</summary>
    public static IResourceCacheMetrics None { get; } = new NoMetrics();

    private sealed class NoMetrics : IResourceCacheMetrics
    {
        public void CacheRead(bool hit)
        {
        }

        public void CacheEvicted(int idle, int overCapacity)
        {
        }
    }
}
