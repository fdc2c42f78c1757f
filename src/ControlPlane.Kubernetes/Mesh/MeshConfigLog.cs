namespace ControlPlane.Kubernetes.Mesh;

using Microsoft.Extensions.Logging;

/// <summary>Log messages of the mesh config readers (file and ConfigMap); event ids 4140-4149.</summary>
internal static partial class MeshConfigLog
{
    [LoggerMessage(EventId = 4140, Level = LogLevel.Information, Message = "Mesh config from {Origin} applied")]
    public static partial void Applied(ILogger logger, string origin);

    [LoggerMessage(EventId = 4141, Level = LogLevel.Warning, Message = "Mesh config from {Origin}: {Warning}")]
    public static partial void Warning(ILogger logger, string origin, string warning);

    [LoggerMessage(EventId = 4142, Level = LogLevel.Error, Message = "Mesh config from {Origin} rejected, the last applied one stays: {Errors}")]
    public static partial void Rejected(ILogger logger, string origin, string errors);

    [LoggerMessage(EventId = 4143, Level = LogLevel.Error, Message = "Mesh config file {Path} could not be read; the last applied one stays")]
    public static partial void Unreadable(ILogger logger, Exception exception, string path);
}
