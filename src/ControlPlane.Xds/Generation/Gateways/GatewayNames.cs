namespace ControlPlane.Xds.Generation.Gateways;

using ControlPlane.Model.Indexes;

/// <summary>
/// istiod's <c>resolveGatewayName</c>: how a VirtualService names a Gateway. <c>ns/name</c> as written (<c>./name</c> in
/// the VirtualService's namespace), a bare name in the VirtualService's namespace, and the legacy <c>name.ns[.svc...]</c>
/// form as <c>ns/name</c>. <c>mesh</c> is not a Gateway.
/// </summary>
internal static class GatewayNames
{
    public static string Resolve(string gateway, string virtualServiceNamespace)
    {
        var slash = gateway.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            return gateway[..slash] == "." ? $"{virtualServiceNamespace}/{gateway[(slash + 1)..]}" : gateway;
        }

        var dot = gateway.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return $"{virtualServiceNamespace}/{gateway}";
        }

        var rest = gateway[(dot + 1)..];
        var next = rest.IndexOf('.', StringComparison.Ordinal);
        return $"{(next < 0 ? rest : rest[..next])}/{gateway[..dot]}";
    }

    /// <summary>Whether a <c>gateways</c> entry of a VirtualService in <paramref name="virtualServiceNamespace"/> names <paramref name="gatewayName"/>.</summary>
    public static bool Names(string entry, string virtualServiceNamespace, string gatewayName) =>
        entry != VirtualServiceEntry.MeshGateway && Resolve(entry, virtualServiceNamespace) == gatewayName;
}
