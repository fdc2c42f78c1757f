namespace ControlPlane.Host.Monitoring;

using Prometheus;

/// <summary>istiod's monitoring surface: readiness, Prometheus metrics and the debug endpoints.</summary>
internal static class MonitoringEndpoints
{
    public static void MapMonitoring(this WebApplication app)
    {
        app.MapGet("/ready", ReadyEndpoint.Handle);

        // istiod's metrics and the process_* series only: the .NET Meter and EventCounter bridges would re-export every
        // Kestrel and runtime instrument, and the Meter bridge alone cost about 5% of CPU under 2,000 streams.
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
        {
            SuppressProcessMetrics = false,
            SuppressDebugMetrics = true,
            SuppressEventCounters = true,
            SuppressMeters = true,
        });
        RuntimeGcMetrics.Register(Metrics.DefaultRegistry);
        app.MapMetrics("/metrics");
        app.MapGet("/debug/syncz", SynczEndpoint.Handle);
        app.MapGet("/debug/config_dump", ConfigDumpEndpoint.Handle);
        app.MapGet("/debug/configz", ConfigzEndpoint.Handle);
        app.MapGet("/debug/push_status", PushStatusEndpoint.Handle);
    }
}
