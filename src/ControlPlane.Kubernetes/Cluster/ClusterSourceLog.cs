namespace ControlPlane.Kubernetes.Cluster;

using Microsoft.Extensions.Logging;

/// <summary>Log messages of the Kubernetes cluster source; event ids 4120-4139.</summary>
internal static partial class ClusterSourceLog
{
    [LoggerMessage(EventId = 4120, Level = LogLevel.Information, Message = "Kubernetes source: watching {Count} resource types at {Host}")]
    public static partial void Starting(ILogger logger, int count, string host);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Information, Message = "Kubernetes source: every informer has synced; {Objects} objects")]
    public static partial void Synced(ILogger logger, int objects);

    [LoggerMessage(EventId = 4122, Level = LogLevel.Information, Message = "Kubernetes source: applied {Services} services, {Endpoints} endpoint lists, {Configs} configs, {Namespaces} namespaces; removed {RemovedServices} services, {RemovedConfigs} configs, {RemovedNamespaces} namespaces")]
    public static partial void Applied(ILogger logger, int services, int endpoints, int configs, int namespaces, int removedServices, int removedConfigs, int removedNamespaces);

    [LoggerMessage(EventId = 4123, Level = LogLevel.Warning, Message = "Kubernetes source: {Origin}: {Kind} {Namespace}/{Name} rejected: field {Field}: {Message}")]
    public static partial void Rejected(ILogger logger, string origin, string kind, string @namespace, string name, string field, string message);

    [LoggerMessage(EventId = 4124, Level = LogLevel.Error, Message = "Kubernetes source: rebuilding the mesh failed; the last applied state stays")]
    public static partial void RebuildFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4125, Level = LogLevel.Debug, Message = "Kubernetes source: a rebuild changed nothing")]
    public static partial void Unchanged(ILogger logger);
}
