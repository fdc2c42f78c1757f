namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.DestinationRules;

/// <summary>Istio TrafficPolicy and its portLevelSettings.</summary>
internal static class TrafficPolicyConverter
{
    public static TrafficPolicy Convert(FieldReader policy)
    {
        policy.Unsupported("tunnel", "proxyProtocol", "retryBudget");
        var ports = policy.Array("portLevelSettings", ConvertPortPolicy);
        CheckPorts(policy, ports);
        return new TrafficPolicy
        {
            LoadBalancer = policy.Object("loadBalancer") is { } lb ? LoadBalancerConverter.Convert(lb, policy.Has("outlierDetection")) : null,
            ConnectionPool = policy.Object("connectionPool") is { } pool ? ConnectionPoolConverter.Convert(pool) : null,
            OutlierDetection = policy.Object("outlierDetection") is { } od ? ConnectionPoolConverter.ConvertOutlier(od) : null,
            Tls = policy.Object("tls") is { } tls ? ClientTlsConverter.Convert(tls) : null,
            PortLevelSettings = ports,
        };
    }

    private static PortTrafficPolicy? ConvertPortPolicy(FieldReader entry)
    {
        var port = entry.Object("port", required: true)?.Int("number", 1, 65535, required: true);
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
