namespace ControlPlane.Kubernetes.Leadership;

using Microsoft.Extensions.Logging;

/// <summary>Log messages of leader election; event ids 4160-4169.</summary>
internal static partial class LeaderElectionLog
{
    [LoggerMessage(EventId = 4160, Level = LogLevel.Information, Message = "Leader election {Namespace}/{Lease}: lock obtained by {Identity}")]
    public static partial void Acquired(ILogger logger, string @namespace, string lease, string identity);

    [LoggerMessage(EventId = 4161, Level = LogLevel.Warning, Message = "Leader election {Namespace}/{Lease}: lock lost by {Identity} (not renewed within the renew deadline)")]
    public static partial void Lost(ILogger logger, string @namespace, string lease, string identity);

    [LoggerMessage(EventId = 4162, Level = LogLevel.Information, Message = "Leader election {Namespace}/{Lease}: lock released by {Identity}")]
    public static partial void Released(ILogger logger, string @namespace, string lease, string identity);

    [LoggerMessage(EventId = 4163, Level = LogLevel.Debug, Message = "Leader election {Namespace}/{Lease}: held by {Holder}")]
    public static partial void HeldByOther(ILogger logger, string @namespace, string lease, string holder);

    [LoggerMessage(EventId = 4164, Level = LogLevel.Warning, Message = "Leader election {Namespace}/{Lease}: {Operation} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string @namespace, string lease, string operation);

    [LoggerMessage(EventId = 4165, Level = LogLevel.Debug, Message = "Leader election {Namespace}/{Lease}: another writer changed the lease first (409)")]
    public static partial void Conflict(ILogger logger, string @namespace, string lease);

    [LoggerMessage(EventId = 4166, Level = LogLevel.Debug, Message = "Leader election {Namespace}/{Lease}: renewing the lease last seen failed; reading it")]
    public static partial void FastRenewFailed(ILogger logger, Exception exception, string @namespace, string lease);
}
