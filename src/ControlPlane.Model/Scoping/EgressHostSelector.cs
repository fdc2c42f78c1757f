namespace ControlPlane.Model.Scoping;

using ControlPlane.Model.Hosts;

/// <summary>
/// One Sidecar egress host, <c>namespace/dnsName</c>: namespace <c>*</c> (any), <c>.</c> (the Sidecar's own), <c>~</c>
/// (none) or a name; dnsName <c>*</c>, <c>*.suffix</c> or an FQDN. A bare <c>dnsName</c> means <c>*/dnsName</c>.
/// </summary>
public sealed record EgressHostSelector(string Namespace, string Host)
{
    public static readonly EgressHostSelector Everything = new("*", "*");

    public static EgressHostSelector Parse(string value, string sidecarNamespace)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return new EgressHostSelector("*", value);
        }

        var ns = value[..slash];
        return new EgressHostSelector(ns == "." ? sidecarNamespace : ns, value[(slash + 1)..]);
    }

    public bool Matches(string objectNamespace, string hostname) =>
        Namespace != "~" && (Namespace == "*" || Namespace == objectNamespace) && HostName.Matches(Host, hostname);

    /// <summary>Whether it selects a VirtualService host; the host may itself be a wildcard, so either side may be the wider one.</summary>
    public bool SelectsVirtualServiceHost(string virtualServiceNamespace, string host) =>
        Namespace != "~" && (Namespace == "*" || Namespace == virtualServiceNamespace) && HostName.Overlaps(Host, host);

    public override string ToString() => $"{Namespace}/{Host}";
}
