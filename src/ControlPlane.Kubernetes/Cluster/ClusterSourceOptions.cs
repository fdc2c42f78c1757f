namespace ControlPlane.Kubernetes.Cluster;

using ControlPlane.Kubernetes.Informers;
using k8s;

/// <summary>Where the cluster source finds the API server, and how its informers retry.</summary>
public sealed class ClusterSourceOptions
{
    /// <summary>A kubeconfig file; when null, the in-cluster service account if running in a pod, else the default kubeconfig.</summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>The kubeconfig context to use; null for its current context.</summary>
    public string? Context { get; set; }

    /// <summary>The control plane's own namespace (where its MeshConfig ConfigMap will be read from).</summary>
    public string Namespace { get; set; } = "istio-system";

    /// <summary>A ready-made client configuration; wins over <see cref="KubeconfigPath"/>. Tests point it at a fake server.</summary>
    public KubernetesClientConfiguration? ClientConfiguration { get; set; }

    /// <summary>The served version of the networking.istio.io kinds to watch.</summary>
    public string IstioVersion { get; set; } = "v1";

    public InformerOptions Informer { get; set; } = new();

    /// <summary>
    /// Read MeshConfig from the <c>istio</c> ConfigMap (key <c>mesh</c>) in <see cref="Namespace"/> and apply it. Off when a
    /// mesh config file is given, which wins as an explicit override.
    /// </summary>
    public bool WatchMeshConfigMap { get; set; } = true;

    /// <summary>
    /// The default for MeshConfig <c>discoverySelectors</c>, used while the applied MeshConfig has none: when any are given, only objects of matching namespaces (and of
    /// <see cref="Namespace"/>) are served. Filtering is local; informers still watch every namespace, as istiod's do.
    /// </summary>
    public IReadOnlyList<NamespaceSelector> DiscoverySelectors { get; set; } = [];
}
