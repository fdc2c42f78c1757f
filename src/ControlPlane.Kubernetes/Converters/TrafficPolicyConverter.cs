namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.DestinationRules;

/// <summary>
/// Istio TrafficPolicy and its portLevelSettings, with istiod's <c>validateTrafficPolicy</c> checks: a policy (rule or
/// subset level) and each port-level entry must set at least one field, and tunnel and proxyProtocol exclude each other.
/// </summary>
internal static partial class TrafficPolicyConverter
{
    private static readonly FrozenDictionary<string, ProxyProtocolVersion> ProxyProtocolVersions =
        new Dictionary<string, ProxyProtocolVersion>(StringComparer.Ordinal)
        {
            ["V1"] = ProxyProtocolVersion.V1,
            ["V2"] = ProxyProtocolVersion.V2,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] TunnelProtocols = ["CONNECT", "POST"];

    /// <summary>
    /// What counts as set for istiod's "at least one field". <c>retryBudget</c> is not in the istiod source read, which
    /// would reject a policy holding only that; it is counted here so that such a policy is served rather than refused.
    /// </summary>
    private static readonly string[] PolicyFields =
        ["outlierDetection", "connectionPool", "loadBalancer", "tls", "tunnel", "proxyProtocol", "retryBudget"];

    /// <summary><c>validatePortTrafficPolicies</c>: a port-level entry needs one of these besides its port.</summary>
    private static readonly string[] PortPolicyFields = ["outlierDetection", "connectionPool", "loadBalancer", "tls"];

    public static TrafficPolicy Convert(FieldReader policy)
    {
        // An empty portLevelSettings list is unset to istiod: protobuf has no empty-versus-absent for repeated fields.
        if (!PolicyFields.Any(policy.Has) && policy.Raw("portLevelSettings") is not JsonArray { Count: > 0 })
        {
            policy.Error("", "traffic policy must have at least one field");
        }

        var ports = policy.Array("portLevelSettings", ConvertPortPolicy);
        CheckPorts(policy, ports);
        if (policy.Has("tunnel") && policy.Has("proxyProtocol"))
        {
            policy.Error("tunnel", "tunnel and proxyProtocol must not be set together");
        }

        return new TrafficPolicy
        {
            LoadBalancer = policy.Object("loadBalancer") is { } lb ? LoadBalancerConverter.Convert(lb, policy.Has("outlierDetection")) : null,
            ConnectionPool = policy.Object("connectionPool") is { } pool ? ConnectionPoolConverter.Convert(pool) : null,
            OutlierDetection = policy.Object("outlierDetection") is { } od ? ConnectionPoolConverter.ConvertOutlier(od) : null,
            Tls = policy.Object("tls") is { } tls ? ClientTlsConverter.Convert(tls) : null,
            PortLevelSettings = ports,
            Tunnel = policy.Object("tunnel") is { } tunnel ? ConvertTunnel(tunnel) : null,
            ProxyProtocol = policy.Object("proxyProtocol") is { } proxy
                ? proxy.Enum("version", ProxyProtocolVersions) ?? ProxyProtocolVersion.V1
                : null,
            RetryBudget = policy.Object("retryBudget") is { } budget ? ConvertRetryBudget(budget) : null,
        };
    }

    /// <summary><c>validateTunnelSettings</c>: CONNECT (the default) or POST, to an FQDN or IP address and a valid port.</summary>
    private static TunnelSettings? ConvertTunnel(FieldReader tunnel)
    {
        var protocol = tunnel.OneOf("protocol", TunnelProtocols) ?? "";
        var host = tunnel.String("targetHost", required: true);
        if (host is not null && !IPAddress.TryParse(host, out _) && CheckFqdn(host) is { } problem)
        {
            tunnel.Error("targetHost", $"tunnel target host must be valid FQDN or IP address: {problem}");
        }

        var port = tunnel.Int("targetPort", 1, 65535, required: true);
        return host is null || port is null ? null : new TunnelSettings(host, port.Value, UsePost: protocol == "POST");
    }

    /// <summary>istiod's <c>ValidateFQDN</c>: DNS-1123 labels (a trailing dot allowed), at most 255 characters, no all-numeric TLD.</summary>
    private static string? CheckFqdn(string host)
    {
        if (host.Length == 0)
        {
            return "empty domain name not allowed";
        }

        if (host.Length > 255)
        {
            return $"domain name \"{host}\" too long (max 255)";
        }

        var labels = host.Split('.');
        var last = labels[^1].Length == 0 && labels.Length > 1 ? labels[^2] : labels[^1];
        if (last.All(char.IsAsciiDigit))
        {
            return $"domain name \"{host}\" invalid (top level domain \"{last}\" cannot be all-numeric)";
        }

        for (var i = 0; i < labels.Length; i++)
        {
            var trailingDot = i == labels.Length - 1 && labels[i].Length == 0 && i > 0;
            if (!trailingDot && (labels[i].Length > 63 || !Dns1123Label().IsMatch(labels[i])))
            {
                return $"label \"{labels[i]}\" in domain name \"{host}\" invalid";
            }
        }

        return null;
    }

    /// <summary>
    /// <c>retryBudget</c>: a percentage (Envoy's <c>Percent</c> accepts 0-100) and a minimum concurrency; unset values take
    /// istiod's defaults when the cluster is built.
    /// </summary>
    private static RetryBudgetSettings ConvertRetryBudget(FieldReader budget)
    {
        var percent = LoadBalancerConverter.Number(budget, "percent");
        if (percent is < 0 or > 100)
        {
            budget.Error("percent", "must be between 0 and 100");
        }

        budget.Unsupported("budgetInterval");
        return new RetryBudgetSettings
        {
            Percent = percent,
            MinRetryConcurrency = (uint)(budget.Int("minRetryConcurrency", 0) ?? 0),
        };
    }

    [GeneratedRegex("^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$")]
    private static partial Regex Dns1123Label();

    private static PortTrafficPolicy? ConvertPortPolicy(FieldReader entry)
    {
        var port = entry.Object("port", required: true)?.Int("number", 1, 65535, required: true);
        if (!PortPolicyFields.Any(entry.Has))
        {
            entry.Error("", "port traffic policy must have at least one field");
        }

        if (port is null)
        {
            return null;
        }

        return new PortTrafficPolicy(port.Value)
        {
            LoadBalancer = entry.Object("loadBalancer") is { } lb ? LoadBalancerConverter.Convert(lb, entry.Has("outlierDetection")) : null,
            ConnectionPool = entry.Object("connectionPool") is { } pool ? ConnectionPoolConverter.Convert(pool) : null,
            OutlierDetection = entry.Object("outlierDetection") is { } od ? ConnectionPoolConverter.ConvertOutlier(od) : null,
            Tls = entry.Object("tls") is { } tls ? ClientTlsConverter.Convert(tls) : null,
        };
    }

    private static void CheckPorts(FieldReader policy, ImmutableArray<PortTrafficPolicy> ports)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < ports.Length; i++)
        {
            if (!seen.Add(ports[i].Port))
            {
                policy.Error($"portLevelSettings[{i}].port.number", $"port {ports[i].Port} has settings more than once");
            }
        }
    }
}
