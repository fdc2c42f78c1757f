namespace ControlPlane.Interop.Infrastructure;

using ControlPlane.Testing.Xds;
using Envoy.Config.Cluster.V3;
using Grpc.Net.Client;

/// <summary>
/// The Cluster resources the control plane serves a proxyless client, fetched over ADS by a test client with a gRPC
/// node: what a test asserts on when the behaviour it checks depends on a field being sent (or, as istiod does, not sent).
/// </summary>
internal static class ServedClusters
{
    private const string ClusterType = "type.googleapis.com/envoy.config.cluster.v3.Cluster";

    public static async Task<Cluster> FetchAsync(Uri xdsAddress, string name)
    {
        using var channel = GrpcChannel.ForAddress(xdsAddress);
        await using var ads = new SotwTestClient(channel, XdsTestNodes.ProxylessGrpc("cluster-reader", MeshConfigWriter.Namespace, "127.0.0.9"));
        var response = await ads.RequestAsync(ClusterType, name);
        await ads.AckAsync(response);
        return Assert.Single(response.Resources).Unpack<Cluster>();
    }
}
