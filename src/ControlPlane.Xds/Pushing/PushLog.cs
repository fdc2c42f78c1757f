namespace ControlPlane.Xds.Pushing;

using Microsoft.Extensions.Logging;

/// <summary>Log messages of the push pipeline (event ids 2000-2099). Names and counts only, never configs.</summary>
internal static partial class PushLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug,
        Message = "Push for mesh version {Version}: full={Full} {Request} ({KeyCount} configs)")]
    public static partial void PushReleased(ILogger logger, long version, bool full, PushRequestText request, int keyCount);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug,
        Message = "Push for mesh version {Version} queued for {Selected} of {Connections} connections (context built in {BuildMilliseconds:F1} ms)")]
    public static partial void PushQueued(ILogger logger, long version, int selected, int connections, double buildMilliseconds);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug,
        Message = "Push for mesh version {Version} selected {ProxyId}: {Selection}, for {Request}")]
    public static partial void ProxySelected(ILogger logger, long version, string proxyId, PushSelection selection, PushRequestText request);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Push for mesh version {Version} failed")]
    public static partial void PushFailed(ILogger logger, long version, Exception exception);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Push scheduler stopped unexpectedly")]
    public static partial void SchedulerStopped(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "The push after the sources synced was not queued; the first connection will build the push context")]
    public static partial void InitialContextFailed(ILogger logger, Exception exception);
}
