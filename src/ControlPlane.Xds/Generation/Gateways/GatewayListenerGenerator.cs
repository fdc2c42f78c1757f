namespace ControlPlane.Xds.Generation.Gateways;

using System.Collections.Immutable;
using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation.Common;

/// <summary>
/// LDS for gateway proxies: the listeners of the Gateways selecting the proxy (<see cref="GatewayListenerBuilder"/>), in
/// the order their ports were first claimed. A proxy no Gateway selects gets none.
/// </summary>
internal sealed class GatewayListenerGenerator(GatewayServerReport report) : IResourceGenerator
{
    public string TypeUrl => TypeUrls.Listener;

    public bool IsAffectedBy(PushRequest request) => GatewayPushFilters.Config.IsAffectedBy(request);

    public GeneratedResources Generate(GenerationContext context)
    {
        var merged = MergedGatewayBuilder.Build(context);
        var listeners = GatewayListenerBuilder.Build(context, merged, report);
        return new GeneratedResources([.. listeners
            .Where(l => context.Watched.Wants(l.Name))
            .Select(l => new NamedResource(l.Name, EnvoyProto.Pack(l)))]);
    }
}
