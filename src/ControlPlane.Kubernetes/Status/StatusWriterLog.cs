namespace ControlPlane.Kubernetes.Status;

using Microsoft.Extensions.Logging;

/// <summary>Log messages of the status writer; event ids 4170-4179.</summary>
internal static partial class StatusWriterLog
{
    [LoggerMessage(EventId = 4170, Level = LogLevel.Information, Message = "Status writer: leading; writing validation status of Istio objects")]
    public static partial void Leading(ILogger logger);

    [LoggerMessage(EventId = 4171, Level = LogLevel.Debug, Message = "Status writer: {Kind} {Namespace}/{Name} status written ({Verdict})")]
    public static partial void Written(ILogger logger, string kind, string @namespace, string name, string verdict);

    [LoggerMessage(EventId = 4172, Level = LogLevel.Warning, Message = "Status writer: writing the status of {Kind} {Namespace}/{Name} failed; retrying")]
    public static partial void Failed(ILogger logger, Exception exception, string kind, string @namespace, string name);

    [LoggerMessage(EventId = 4173, Level = LogLevel.Information, Message = "Status writer: no longer leading; writes stopped")]
    public static partial void Stopped(ILogger logger);
}
