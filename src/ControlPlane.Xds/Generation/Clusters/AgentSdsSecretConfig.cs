namespace ControlPlane.Xds.Generation.Clusters;

using Envoy.Config.Core.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;

/// <summary>
/// <c>ConstructSdsSecretConfig</c> for names other than <c>default</c>/<c>ROOTCA</c>: the secret is fetched over gRPC SDS
/// from the sidecar's own pilot-agent, through a cluster of the bootstrap (never from the control plane).
/// </summary>
internal static class AgentSdsSecretConfig
{
    /// <summary>The bootstrap cluster to the agent's SDS server.</summary>
    public const string SdsCluster = "sds-grpc";

    /// <summary>The bootstrap cluster used for file certificates when the node metadata says <c>file-credential: "true"</c>.</summary>
    public const string FileSdsCluster = "sds-files-grpc";

    public static SdsSecretConfig For(string resourceName, string clusterName) => new()
    {
        Name = resourceName,
        SdsConfig = new ConfigSource
        {
            ApiConfigSource = new ApiConfigSource
            {
                ApiType = ApiConfigSource.Types.ApiType.Grpc,
                SetNodeOnFirstMessageOnly = true,
                TransportApiVersion = ApiVersion.V3,
                GrpcServices = { new GrpcService { EnvoyGrpc = new GrpcService.Types.EnvoyGrpc { ClusterName = clusterName } } },
            },
            ResourceApiVersion = ApiVersion.V3,
        },
    };
}
