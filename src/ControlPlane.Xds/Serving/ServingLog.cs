namespace ControlPlane.Xds.Serving;

using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Status;
using Microsoft.Extensions.Logging;

/// <summary>Log messages of the ADS server (event ids 2100-2199). Names, nonces and counts only, never resource contents.</summary>
internal static partial class ServingLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information,
        Message = "ADS {Protocol} connection {ConnectionId} opened: node {ProxyId}, {ProxyType}/{ProxyKind}, peer {Peer}")]
    public static partial void Opened(ILogger logger, XdsProtocol protocol, string connectionId, string proxyId, ProxyType proxyType, ProxyKind proxyKind, string peer);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "ADS connection {ConnectionId} closed after {Seconds:F0} s")]
    public static partial void Closed(ILogger logger, string connectionId, double seconds);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "ADS connection {ConnectionId} ended: {Reason}")]
    public static partial void Ended(ILogger logger, string connectionId, string reason, Exception? exception = null);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning,
        Message = "{ConnectionId} rejected {TypeUrl} nonce {Nonce}, keeps version '{KeptVersion}': {Message}")]
    public static partial void Nacked(ILogger logger, string connectionId, string typeUrl, string nonce, string keptVersion, string message);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Debug,
        Message = "{ConnectionId} sent stale {TypeUrl} nonce {Nonce} (last sent {SentNonce}): ignored")]
    public static partial void Stale(ILogger logger, string connectionId, string typeUrl, string nonce, string sentNonce);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Debug, Message = "{ConnectionId} unsubscribed from {TypeUrl}")]
    public static partial void Unsubscribed(ILogger logger, string connectionId, string typeUrl);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Debug,
        Message = "{ConnectionId} <- {TypeUrl} version {Version} nonce {Nonce}: {Count} resources, {Removed} removed")]
    public static partial void Sent(ILogger logger, string connectionId, string typeUrl, string version, string nonce, int count, int removed);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Debug, Message = "{ConnectionId} push for mesh version {Version}: full={Full} types [{Types}]")]
    public static partial void Pushing(ILogger logger, string connectionId, long version, bool full, PlanText types);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Warning,
        Message = "{ConnectionId} did not accept a response within {Timeout}; closing it so the proxy reconnects and resyncs")]
    public static partial void SendTimedOut(ILogger logger, string connectionId, TimeSpan timeout);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Warning,
        Message = "No generator for {TypeUrl} (first asked by {ProxyId}); such requests get empty responses")]
    public static partial void Unsupported(ILogger logger, string typeUrl, string proxyId);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Error, Message = "Generating {TypeUrl} for {ProxyId} failed; nothing sent for it")]
    public static partial void GenerationFailed(ILogger logger, string typeUrl, string proxyId, Exception exception);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Warning, Message = "Rejected ADS stream from {Peer}: {Message}")]
    public static partial void InvalidNode(ILogger logger, string peer, string message);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Error,
        Message = "Generator for {TypeUrl} returned resource {Name} packed as {ResourceType}; dropped")]
    public static partial void WrongType(ILogger logger, string typeUrl, string name, string resourceType);

    [LoggerMessage(EventId = 2114, Level = LogLevel.Debug, Message = "{ConnectionId} acknowledged {TypeUrl} nonce {Nonce}")]
    public static partial void Acked(ILogger logger, string connectionId, string typeUrl, string nonce);
}
