namespace ControlPlane.Kubernetes.Cluster;

using k8s;

/// <summary>The API client for the options: an explicit configuration, a kubeconfig file, in-cluster, or the default kubeconfig.</summary>
internal static class ClusterClientFactory
{
    public static IKubernetes Create(ClusterSourceOptions options)
    {
        var configuration = options.ClientConfiguration
            ?? (options.KubeconfigPath is not null
                ? KubernetesClientConfiguration.BuildConfigFromConfigFile(options.KubeconfigPath, options.Context)
                : KubernetesClientConfiguration.IsInCluster()
                    ? KubernetesClientConfiguration.InClusterConfig()
                    : KubernetesClientConfiguration.BuildConfigFromConfigFile(currentContext: options.Context));
        return new Kubernetes(configuration);
    }
}
