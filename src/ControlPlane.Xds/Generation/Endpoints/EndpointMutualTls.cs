namespace ControlPlane.Xds.Generation.Endpoints;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Services;

/// <summary>
/// <c>mtlsChecker</c>: whether an endpoint is labelled for Istio mTLS. A DestinationRule TLS mode for the port/subset
/// decides outright; otherwise the workload must run a sidecar (PeerAuthentication is not modelled, so it never disables).
/// </summary>
internal static class EndpointMutualTls
{
    public static bool IsEnabled(Endpoint endpoint, DestinationRule? rule, string subset, int port)
    {
        if (ModeFor(rule, subset, port) is { } mode)
        {
            return mode == ClientTlsMode.IstioMutual && endpoint.IstioMutualTls;
        }

        return endpoint.IstioMutualTls;
    }

    private static ClientTlsMode? ModeFor(DestinationRule? rule, string subset, int port)
    {
        if (rule is null)
        {
            return null;
        }

        if (subset.Length == 0)
        {
            return ModeFor(rule.TrafficPolicy, port);
        }

        return rule.FindSubset(subset) is { } s ? ModeFor(s.TrafficPolicy, port) : null;
    }

    private static ClientTlsMode? ModeFor(TrafficPolicy? policy, int port)
    {
        if (policy is null)
        {
            return null;
        }

        var mode = policy.Tls?.Mode;
        foreach (var portPolicy in policy.PortLevelSettings)
        {
            if (portPolicy.Port == port && portPolicy.Tls is not null)
            {
                return portPolicy.Tls.Mode;
            }
        }

        return mode;
    }
}
