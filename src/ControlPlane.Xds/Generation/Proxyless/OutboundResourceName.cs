namespace ControlPlane.Xds.Generation.Proxyless;

using ControlPlane.Xds.Generation.Naming;

/// <summary>
/// An outbound subset key, <c>outbound|&lt;port&gt;|&lt;subset&gt;|&lt;fqdn&gt;</c> (<see cref="ClusterName"/>). Proxyless gRPC
/// uses it for RDS (subset always empty) and for CDS and EDS names, as istiod's grpcgen does.
/// </summary>
internal readonly record struct OutboundResourceName(int Port, string Subset, string Hostname)
{
    /// <summary>Parses an outbound key with a valid port; false for inbound keys and anything else.</summary>
    public static bool TryParse(string name, out OutboundResourceName parsed)
    {
        parsed = default;
        if (!ClusterName.TryParse(name, out var key) || !key.IsOutbound || key.Port is < 1 or > 65535 || key.Hostname.Length == 0)
        {
            return false;
        }

        parsed = new OutboundResourceName(key.Port, key.Subset, key.Hostname);
        return true;
    }

    public override string ToString() => ClusterName.Outbound(Port, Subset, Hostname);
}
