namespace ControlPlane.Xds.Generation.Routes;

using System.Collections.Immutable;
using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation.Common;

/// <summary>
/// RDS for Envoy sidecars (<c>BuildHTTPRoutes</c>, sidecar branch): one route configuration per requested name, always,
/// since a listener waits for every RDS name it references. Configurations come from the server's RDS cache, keyed by
/// <see cref="RouteConfigInputs"/>, so proxies with the same inputs share one.
/// </summary>
internal sealed class RouteGenerator : IResourceGenerator
{
    public string TypeUrl => TypeUrls.Route;

    public bool IsAffectedBy(PushRequest request) => PushFilter.FullOnly.IsAffectedBy(request);

    public GeneratedResources Generate(GenerationContext context)
    {
        var resources = ImmutableArray.CreateBuilder<NamedResource>(context.Watched.Names.Count);
        foreach (var name in context.Watched.Names.Order(StringComparer.Ordinal))
        {
            // The builder reads the context only where RouteConfigInputs says it does.
            resources.Add(context.Caches.RouteConfigs.GetOrBuild(
                RouteConfigInputs.From(context, name),
                _ => [new NamedResource(name, EnvoyProto.Pack(OutboundRouteConfigBuilder.Build(context, name)))])[0]);
        }

        return new GeneratedResources(resources.MoveToImmutable());
    }
}
