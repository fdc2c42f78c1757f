namespace ControlPlane.Xds.Tests.Generation.Gateways;

using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Generation.Caching;
using ControlPlane.Xds.Generation.Gateways;

/// <summary>Runs the gateway generators the way a gateway Envoy subscribes (<see cref="EnvoySnapshots"/>' sequence).</summary>
internal static class GatewaySnapshots
{
    public static XdsSnapshot For(PushContext push, Proxy proxy, GatewayServerReport? report = null, ResourceCaches? caches = null)
    {
        var generators = new GatewayGenerators(report ?? GatewayServerReport.Silent()).ByTypeUrl;
        return EnvoySnapshots.For(push, proxy, typeUrl => generators[typeUrl], caches ?? ResourceCaches.Disabled);
    }
}
