namespace ControlPlane.Model.Push;

using ControlPlane.Model.Config;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.Gateways;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Indexes;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.Scoping;
using ControlPlane.Model.State;

/// <summary>
/// Builds the next <see cref="PushContext"/> from the previous one and what changed: endpoint-only requests share every
/// index but endpoints; full requests rebuild only the indexes whose kinds appear in the request (all of them when global)
/// and keep every SidecarScope the change cannot reach (<see cref="ScopeCarryOver"/>).
/// </summary>
public static class PushContextBuilder
{
    public static PushContext Build(MeshSnapshot snapshot) => Build(null, snapshot, PushRequest.Global(PushReason.GlobalUpdate));

    public static PushContext Build(PushContext? previous, MeshSnapshot snapshot, PushRequest request)
    {
        if (previous is not null && !request.Full)
        {
            return previous.WithEndpoints(snapshot);
        }

        bool Changed(params ConfigKind[] kinds) =>
            previous is null || request.IsGlobal || previous.Mesh != snapshot.Mesh || request.ConfigsUpdated.Any(k => kinds.Contains(k.Kind));

        var configs = snapshot.Configs.Values;
        var mesh = snapshot.Mesh;
        var services = Changed(ConfigKind.Service, ConfigKind.ServiceEntry)
            ? new ServiceIndex(snapshot.Services.Values)
            : previous!.Services;
        var virtualServices = Changed(ConfigKind.VirtualService)
            ? new VirtualServiceIndex(configs.OfType<VirtualService>(), mesh, previous?.Mesh == mesh ? previous.VirtualServices : null)
            : previous!.VirtualServices;
        var destinationRules = Changed(ConfigKind.DestinationRule)
            ? new DestinationRuleIndex(configs.OfType<DestinationRule>(), mesh)
            : previous!.DestinationRules;
        var sidecars = Changed(ConfigKind.Sidecar)
            ? new SidecarIndex(configs.OfType<Sidecar>(), mesh.RootNamespace)
            : previous!.Sidecars;
        var gateways = Changed(ConfigKind.Gateway)
            ? new GatewayIndex(configs.OfType<Gateway>())
            : previous!.Gateways;

        var next = new PushContext(snapshot, services, previous is null ? new EndpointIndex(snapshot.Endpoints) : previous.Endpoints.Next(snapshot.Endpoints), virtualServices, destinationRules, sidecars, gateways);
        if (previous is not null && !request.IsGlobal && previous.Mesh == snapshot.Mesh)
        {
            next.InheritScopes(previous, ScopeCarryOver.For(request, previous.Snapshot, snapshot).StillValid);
        }

        return next;
    }
}
