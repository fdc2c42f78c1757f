namespace ControlPlane.Kubernetes.Cluster;

using ControlPlane.Kubernetes.Informers;
using ControlPlane.Kubernetes.Leadership;
using ControlPlane.Kubernetes.Status;
using k8s;

/// <summary>Where the cluster source finds the API server, how its informers retry, which revision it is, and whether (and how) it writes status.</summary>
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

    /// <summary>
    /// The version of the networking.istio.io kinds to watch. Null (the default): discovered per kind, the newest the API
    /// server serves of v1, v1beta1 and v1alpha3.
    /// </summary>
    public string? IstioVersion { get; set; }

    /// <summary>
    /// The control plane's revision, as istiod's <c>--revision</c>: the MeshConfig ConfigMap read is <c>istio-&lt;revision&gt;</c>
    /// and the leader election Lease <c>&lt;LeaseName&gt;-&lt;revision&gt;</c>. Empty for the default revision.
    /// </summary>
    public string Revision { get; set; } = "";

    /// <summary>
    /// Write validation results into the Istio objects' <c>status</c> while leader, as istiod does with
    /// <c>PILOT_ENABLE_STATUS</c> (off by default there too). Leader election runs only when something writes.
    /// </summary>
    public bool WriteStatus { get; set; }

    /// <summary>
    /// The Lease and its timings. <see cref="LeaderElectionOptions.Namespace"/> is replaced by <see cref="Namespace"/>, and
    /// a <see cref="Revision"/> is appended to <see cref="LeaderElectionOptions.LeaseName"/>.
    /// </summary>
    public LeaderElectionOptions LeaderElection { get; set; } = new();

    public StatusWriterOptions StatusWriter { get; set; } = new();

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
