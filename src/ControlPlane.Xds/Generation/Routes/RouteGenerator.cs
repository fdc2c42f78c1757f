namespace ControlPlane.Xds.Generation.Routes;

using System.Collections.Immutable;
using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation.Common;

/// <summary>
/// RDS for Envoy sidecars (<c>BuildHTTPRoutes</c>, sidecar branch): one route configuration per requested name, always,
/// since a listener waits for every RDS name it references.
/// </summary>
internal sealed class RouteGenerator : IResourceGenerator
{
    public string TypeUrl => TypeUrls.Route;

    public bool IsAffectedBy(PushRequest request) => PushFilter.FullOnly.IsAffectedBy(request);

    public GeneratedResources Generate(GenerationContext context)
    {
        var resources = context.Watched.Names
            .Order(StringComparer.Ordinal)
            .Select(name => new NamedResource(name, EnvoyProto.Pack(OutboundRouteConfigBuilder.Build(context, name))))
            .ToImmutableArray();
        return new GeneratedResources(resources);
    }
}
