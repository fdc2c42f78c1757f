namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Indexes;

/// <summary><c>matchTCP</c> / <c>matchTLS</c>: static predicates of an L4 match evaluated for this proxy and port.</summary>
internal static class L4Matches
{
    public static bool Matches(GenerationContext context, L4MatchAttributes match, int port)
    {
        var gatewayMatch = match.Gateways.IsDefaultOrEmpty || match.Gateways.Contains(VirtualServiceEntry.MeshGateway);
        var labelMatch = match.SourceLabels.All(kv => context.Proxy.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value);
        var portMatch = match.Port == 0 || match.Port == port;
        var namespaceMatch = match.SourceNamespace.Length == 0 || match.SourceNamespace == context.Proxy.Namespace;
        return gatewayMatch && labelMatch && portMatch && namespaceMatch;
    }
}
