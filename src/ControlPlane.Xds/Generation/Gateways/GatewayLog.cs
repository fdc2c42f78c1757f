namespace ControlPlane.Xds.Generation.Gateways;

using Microsoft.Extensions.Logging;

/// <summary>Log messages of gateway generation (event ids 2300-2399). Names and reasons only, never whole configs.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning,
        Message = "Gateway {Namespace}/{Name} server {Index} (port {Port}) is not served to gateway proxies: {Reason}")]
    public static partial void ServerNotServed(ILogger logger, string @namespace, string name, int index, int port, string reason);
}
