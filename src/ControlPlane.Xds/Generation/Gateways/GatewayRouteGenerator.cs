namespace ControlPlane.Xds.Generation.Gateways;

using System.Collections.Immutable;
using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation.Common;

/// <summary>
/// RDS for gateway proxies: every requested name is answered (Envoy keeps a listener warming until it is); a name no
/// server uses, e.g. of a Gateway just deleted, gets an empty configuration, as istiod sends.
/// </summary>
internal sealed class GatewayRouteGenerator : IResourceGenerator
{
    public string TypeUrl => TypeUrls.Route;

    public bool IsAffectedBy(PushRequest request) => GatewayPushFilters.Config.IsAffectedBy(request);

    public GeneratedResources Generate(GenerationContext context)
    {
        var merged = MergedGatewayBuilder.Build(context);
        return new GeneratedResources([.. context.Watched.Names
            .Order(StringComparer.Ordinal)
            .Select(name => new NamedResource(name, EnvoyProto.Pack(GatewayRouteConfigBuilder.Build(context, merged, name))))]);
    }
}
