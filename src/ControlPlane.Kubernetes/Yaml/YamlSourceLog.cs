namespace ControlPlane.Kubernetes.Yaml;

using Microsoft.Extensions.Logging;

/// <summary>Log events of the YAML-directory source (event ids 2100-2119).</summary>
internal static partial class YamlSourceLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information,
        Message = "Loaded {Directory}: {ObjectCount} objects from {FileCount} files, {ErrorCount} rejected, {WarningCount} warnings, in {ElapsedMs} ms")]
    public static partial void Loaded(ILogger logger, string directory, int objectCount, int fileCount, int errorCount, int warningCount, long elapsedMs);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information,
        Message = "Applied changes from {Directory}: upserted {Services} services, {Endpoints} endpoint sets, {Configs} configs, {Namespaces} namespaces; removed {RemovedServices} services, {RemovedConfigs} configs, {RemovedNamespaces} namespaces")]
    public static partial void Applied(ILogger logger, string directory, int services, int endpoints, int configs, int namespaces, int removedServices, int removedConfigs, int removedNamespaces);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Debug, Message = "Reloaded {Directory}: nothing changed")]
    public static partial void Unchanged(ILogger logger, string directory);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning,
        Message = "{Origin}: {Kind} {Namespace}/{Name} rejected: {Field}: {Problem}")]
    public static partial void Rejected(ILogger logger, string origin, string kind, string @namespace, string name, string field, string problem);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information,
        Message = "{Origin}: {Kind} {Namespace}/{Name}: {Field}: {Problem}")]
    public static partial void Warned(ILogger logger, string origin, string kind, string @namespace, string name, string field, string problem);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Debug, Message = "{Origin}: skipped {ApiVersion} {Kind}, a kind this source does not read")]
    public static partial void Skipped(ILogger logger, string origin, string apiVersion, string kind);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information,
        Message = "Watching {Directory} for changes (file events, and a check every {PollSeconds} s)")]
    public static partial void Watching(ILogger logger, string directory, double pollSeconds);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Warning,
        Message = "File events for {Directory} are unavailable; relying on the periodic check")]
    public static partial void WatcherFailed(ILogger logger, Exception exception, string directory);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Error,
        Message = "Reloading {Directory} failed; the previous state stays in place")]
    public static partial void ReloadFailed(ILogger logger, Exception exception, string directory);
}
