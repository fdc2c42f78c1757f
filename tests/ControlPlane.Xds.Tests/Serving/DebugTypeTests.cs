namespace ControlPlane.Xds.Tests.Serving;

using System.Text.Json;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Tests.Serving.Fakes;
using Envoy.Service.Discovery.V3;
using Envoy.Service.Status.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>istioctl's debug types on the SotW stream.</summary>
public sealed class DebugTypeTests
{
    [Fact]
    public async Task Syncz_lists_each_proxy_with_its_sync_state_and_the_control_plane_identifier()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(TestMesh.Service("reviews")), o => o.ControlPlaneId = "istiod-abc");
        await using var proxy = host.Sotw(XdsTestNodes.Sidecar("app-1", "default"));
        await proxy.AckAsync(await proxy.RequestAsync(TypeUrls.Cluster));
        await proxy.RequestAsync(TypeUrls.Listener);
        await using var istioctl = host.Sotw(IstioctlNode());

        var response = await istioctl.RequestAsync(TypeUrls.DebugSyncz);

        using var identifier = JsonDocument.Parse(response.ControlPlane.Identifier);
        Assert.Equal("istiod", identifier.RootElement.GetProperty("Component").GetString());
        Assert.Equal("istiod-abc", identifier.RootElement.GetProperty("ID").GetString());
        var config = Assert.Single(response.Resources).Unpack<ClientConfig>();
        Assert.Equal("app-1.default", config.Node.Id);
        Assert.Equal("1.24.0", config.Node.Metadata.Fields["ISTIO_VERSION"].StringValue);
        var states = config.GenericXdsConfigs.ToDictionary(c => c.TypeUrl, c => c.ConfigStatus);
        Assert.Equal(ConfigStatus.Synced, states[TypeUrls.Cluster]);
        Assert.Equal(ConfigStatus.Stale, states[TypeUrls.Listener]);
        Assert.Equal(ConfigStatus.NotSent, states[TypeUrls.Route]);
    }

    [Fact]
    public async Task Config_dump_returns_the_named_proxy_dump_sections()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(TestMesh.Service("reviews")));
        await using var proxy = host.Sotw(XdsTestNodes.Sidecar("app-1", "default"));
        await proxy.RequestAsync(TypeUrls.Cluster);
        await using var istioctl = host.Sotw(IstioctlNode());

        var response = await istioctl.RequestAsync(TypeUrls.DebugConfigDump, "app-1.default");

        Assert.Equal(
            ["type.googleapis.com/envoy.admin.v3.ClustersConfigDump", "type.googleapis.com/envoy.admin.v3.ListenersConfigDump",
             "type.googleapis.com/envoy.admin.v3.RoutesConfigDump", "type.googleapis.com/envoy.admin.v3.EndpointsConfigDump"],
            response.Resources.Select(r => r.TypeUrl));
    }

    private static Envoy.Config.Core.V3.Node IstioctlNode()
    {
        var node = XdsTestNodes.Sidecar("istioctl", "istio-system", ip: "127.0.0.1");
        node.Metadata.Fields["GENERATOR"] = Value.ForString("event");
        return node;
    }
}
