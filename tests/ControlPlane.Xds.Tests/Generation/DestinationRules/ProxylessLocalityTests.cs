namespace ControlPlane.Xds.Tests.Generation.DestinationRules;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Proxyless;
using ControlPlane.Xds.Tests.Proxyless;
using static ControlPlane.Xds.Tests.Proxyless.ProxylessMesh;

/// <summary>istiod builds proxyless gRPC EDS with the sidecar's endpoint builder, so locality failover applies there too.</summary>
public sealed class ProxylessLocalityTests
{
    private const string Echo = "outbound|7070||echo.interop.svc.cluster.local";

    [Fact]
    public void Failover_priorities_are_relative_to_the_grpc_client()
    {
        var policy = new TrafficPolicy { OutlierDetection = new OutlierDetectionSettings { Consecutive5xxErrors = 3 } };
        var mesh = new ProxylessMesh()
            .WithService(
                Service("echo", "interop", Grpc(7070)),
                Endpoint("10.1.0.1", 7070) with { Locality = new Locality("us", "a") },
                Endpoint("10.1.0.2", 7070) with { Locality = new Locality("eu", "b") })
            .With(DestinationRule("echo", "interop", "echo", policy));
        var client = Proxy("interop") with { Locality = new Locality("eu", "b") };

        var assignment = ProxylessEndpointGenerator.Build(mesh.Context(client, Echo), Echo)!;

        var priorities = LocalityMesh.PriorityByAddress(assignment);
        Assert.Equal(0u, priorities["10.1.0.2"]);
        Assert.Equal(1u, priorities["10.1.0.1"]);
    }
}
