namespace ControlPlane.Host.Monitoring;

using Prometheus;

/// <summary>
/// Where the runtime's collector spends the process's time, as istiod's <c>go_gc_duration_seconds</c> does for Go: the
/// total pause and the bytes allocated since start, read from the runtime at each scrape (no event listener, so nothing
/// runs between scrapes). Collection counts already come with prometheus-net's process metrics.
/// </summary>
internal static class RuntimeGcMetrics
{
    private static int registered;

    /// <summary>Registers once per process: tests start many hosts on the one default registry.</summary>
    public static void Register(CollectorRegistry registry)
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        var factory = Metrics.WithCustomRegistry(registry);
        var pause = factory.CreateGauge("dotnet_gc_pause_seconds_total", "Total time the runtime paused the process for garbage collection, in seconds.");
        var allocated = factory.CreateGauge("dotnet_gc_allocated_bytes_total", "Bytes allocated on the managed heap since the process started.");
        registry.AddBeforeCollectCallback(() =>
        {
            pause.Set(GC.GetTotalPauseDuration().TotalSeconds);
            allocated.Set(GC.GetTotalAllocatedBytes(precise: false));
        });
    }
}
