namespace ControlPlane.Host.Monitoring;

using Prometheus;

/// <summary>istiod's monitoring surface: readiness, Prometheus metrics and the debug endpoints.</summary>
internal static class MonitoringEndpoints
{
    public static void MapMonitoring(this WebApplication app)
    {
        app.MapGet("/ready", ReadyEndpoint.Handle);
        app.MapMetrics("/metrics");
        app.MapGet("/debug/syncz", SynczEndpoint.Handle);
        app.MapGet("/debug/config_dump", ConfigDumpEndpoint.Handle);
        app.MapGet("/debug/configz", ConfigzEndpoint.Handle);
        app.MapGet("/debug/push_status", PushStatusEndpoint.Handle);
    }
}
