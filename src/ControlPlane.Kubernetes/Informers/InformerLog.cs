namespace ControlPlane.Kubernetes.Informers;

using Microsoft.Extensions.Logging;

/// <summary>Log messages of the informers; event ids 4100-4119.</summary>
internal static partial class InformerLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Informer {Resource}: listed {Count} objects at resourceVersion {ResourceVersion} ({Added} added, {Updated} updated, {Deleted} deleted)")]
    public static partial void Listed(ILogger logger, string resource, int count, string resourceVersion, int added, int updated, int deleted);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Informer {Resource}: resourceVersion {ResourceVersion} is too old (410 Gone); relisting")]
    public static partial void Expired(ILogger logger, string resource, string resourceVersion);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Informer {Resource}: {Operation} failed (attempt {Attempt}); retrying in {DelayMs} ms")]
    public static partial void Failed(ILogger logger, Exception exception, string resource, string operation, int attempt, long delayMs);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Informer {Resource}: watch from resourceVersion {ResourceVersion} ended after {Events} events")]
    public static partial void WatchEnded(ILogger logger, string resource, string resourceVersion, int events);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Informer {Resource}: watch reported an error: {Message}")]
    public static partial void WatchError(ILogger logger, string resource, string message);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "Informer {Resource}: an event handler failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string resource);
}
