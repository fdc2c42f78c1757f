namespace ControlPlane.Xds.Generation.Gateways;

using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.Gateways;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Push;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// Gateway servers that gateway proxies do not get (TLS termination without certificates, port conflicts), each logged
/// once per Gateway version and listed on <c>/debug/configz</c> as a warning of source <c>gateways</c>: the rest of the
/// Gateway is served. Thread-safe: generators report concurrently; readers get an immutable snapshot.
/// </summary>
internal sealed class GatewayServerReport(ILogger<GatewayServerReport> logger) : IConfigDiagnostics
{
    private readonly Lock gate = new();
    private ImmutableDictionary<(ConfigKey Gateway, int Index, string Reason), (Gateway Config, ConfigProblem Problem)> entries =
        ImmutableDictionary<(ConfigKey, int, string), (Gateway, ConfigProblem)>.Empty;

    private long observedVersion = long.MinValue;

    /// <summary>A report that only collects (tests, tools).</summary>
    public static GatewayServerReport Silent() => new(NullLogger<GatewayServerReport>.Instance);

    public string SourceName => "gateways";

    public IReadOnlyList<ConfigProblem> Problems =>
        [.. Volatile.Read(ref entries).Values.Select(v => v.Problem)
            .OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Field, StringComparer.Ordinal)];

    public void NotServed(PushContext push, GatewayServerEntry server, string field, string reason)
    {
        var gateway = server.Gateway;
        var key = (gateway.Key, server.Index, reason);
        lock (gate)
        {
            Observe(push);
            if (entries.TryGetValue(key, out var existing) && ReferenceEquals(existing.Config, gateway))
            {
                return;
            }

            var problem = new ConfigProblem
            {
                Origin = gateway.Meta.Origin.Length > 0 ? gateway.Meta.Origin : SourceName,
                Kind = nameof(ConfigKind.Gateway),
                Namespace = gateway.Meta.Namespace,
                Name = gateway.Meta.Name,
                Field = field,
                Message = $"not served to gateway proxies: {reason}",
                Severity = ProblemSeverity.Warning,
            };
            entries = entries.SetItem(key, (gateway, problem));
        }

        GatewayLog.ServerNotServed(logger, gateway.Meta.Namespace, gateway.Meta.Name, server.Index, server.Server.Port, reason);
    }

    /// <summary>On a newer push context, forgets entries of Gateways that changed or went away (caller holds the lock).</summary>
    private void Observe(PushContext push)
    {
        if (push.Version <= observedVersion)
        {
            return;
        }

        observedVersion = push.Version;
        var current = push.Gateways.All.ToHashSet(ReferenceEqualityComparer.Instance);
        entries = entries.RemoveRange(entries.Where(e => !current.Contains(e.Value.Config)).Select(e => e.Key));
    }
}
