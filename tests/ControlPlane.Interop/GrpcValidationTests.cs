namespace ControlPlane.Interop;

using ControlPlane.Interop.Infrastructure;
using ControlPlane.Testing.Xds;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Service.Discovery.V3;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;

/// <summary>
/// Everything the control plane sends a proxyless client, including what the routing tests never call (the XdsServer
/// listener, LOGICAL_DNS, ring hash), passes @grpc/grpc-js-xds's own resource validation.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class GrpcValidationTests(InteropFixture fixture)
{
    private const string ListenerType = "type.googleapis.com/envoy.config.listener.v3.Listener";
    private const string RouteType = "type.googleapis.com/envoy.config.route.v3.RouteConfiguration";
    private const string ClusterType = "type.googleapis.com/envoy.config.cluster.v3.Cluster";
    private const string EndpointType = "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment";
    private const string ServerListener = "xds.istio.io/grpc/lds/inbound/127.0.0.9:7070";

    [InteropFact]
    public async Task Every_resource_served_to_a_proxyless_client_passes_grpc_js_validation()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var channel = GrpcChannel.ForAddress(fixture.XdsAddress);
        await using var ads = new SotwTestClient(channel, XdsTestNodes.ProxylessGrpc("validator", MeshConfigWriter.Namespace, "127.0.0.9"));
        string[] hosts = ["echo", "split", "live", "features", "abort", "abort-half", "delay", "retries", "timeouts", "limited", "outlier"];

        var listeners = await FetchAsync(ads, ListenerType, [.. hosts.Select(MeshConfigWriter.Target), "echo.interop:7070", ServerListener]);
        var routeNames = listeners.Select(l => l.Unpack<Listener>().ApiListener?.ApiListener_)
            .OfType<Any>()
            .Select(hcm => hcm.Unpack<HttpConnectionManager>().Rds.RouteConfigName)
            .Distinct()
            .ToArray();
        var routes = await FetchAsync(ads, RouteType, routeNames);
        var clusterNames = hosts
            .SelectMany(h => new[] { "", "v1", "v2" }.Select(s => $"outbound|{MeshConfigWriter.Port}|{s}|{MeshConfigWriter.Host(h)}"))
            .Append($"outbound|443||{MeshConfigWriter.DnsHost}")
            .ToArray();
        var clusters = await FetchAsync(ads, ClusterType, clusterNames);
        var endpoints = await FetchAsync(ads, EndpointType, clusterNames[..^1]);

        Assert.Equal(hosts.Length + 2, listeners.Count);
        Assert.Equal(hosts.Length, routes.Count);
        Assert.Equal(clusterNames.Length, clusters.Count);
        Assert.Equal(clusterNames.Length - 1, endpoints.Count);
        var problems = await GrpcResourceValidator.ProblemsAsync([.. listeners, .. routes, .. clusters, .. endpoints], timeout.Token);
        Assert.True(problems.Count == 0, await fixture.ExplainAsync(string.Join("\n", problems), "(no client: resources fetched over ADS)"));
    }

    private static async Task<IReadOnlyList<Any>> FetchAsync(SotwTestClient ads, string typeUrl, string[] names)
    {
        DiscoveryResponse response = await ads.RequestAsync(typeUrl, names);
        await ads.AckAsync(response);
        return response.Resources;
    }
}
