namespace ControlPlane.Host.Monitoring;

using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Status;

/// <summary>
/// <c>/debug/config_dump?proxyID=</c>: what the proxy would receive now, as an Envoy admin ConfigDump (the JSON Envoy's own
/// <c>/config_dump</c> prints), so it can be diffed against the proxy's.
/// </summary>
internal static class ConfigDumpEndpoint
{
    public static IResult Handle(IXdsStatus status, string? proxyID)
    {
        if (string.IsNullOrEmpty(proxyID))
        {
            return Results.Text("query parameter proxyID is required (the node id or pod.namespace)\n", statusCode: StatusCodes.Status400BadRequest);
        }

        var dump = status.ConfigDump(proxyID);
        return dump is null
            ? Results.Text($"proxy {proxyID} is not connected\n", statusCode: StatusCodes.Status404NotFound)
            : Results.Text(EnvoyJson.Format(dump), "application/json");
    }
}
