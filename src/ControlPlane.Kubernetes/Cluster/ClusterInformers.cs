namespace ControlPlane.Kubernetes.Cluster;

using ControlPlane.Kubernetes.Converters;
using ControlPlane.Kubernetes.Informers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

/// <summary>One informer per kind the cluster source reads: core kinds typed, Istio kinds as generic custom objects.</summary>
internal sealed class ClusterInformers
{
    /// <summary>The networking.istio.io kinds and their resource names.</summary>
    public static readonly IReadOnlyList<(string Kind, string Plural)> IstioKinds =
    [
        ("VirtualService", "virtualservices"),
        ("DestinationRule", "destinationrules"),
        ("Sidecar", "sidecars"),
        ("ServiceEntry", "serviceentries"),
        ("WorkloadEntry", "workloadentries"),
        ("Gateway", "gateways"),
    ];

    public ClusterInformers(IKubernetes client, ClusterSourceOptions options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger<ClusterInformers>();
        var o = options.Informer;
        Namespaces = new("namespaces", ClusterResourceClients.Namespaces(client), o, logger);
        Services = new("services", ClusterResourceClients.Services(client), o, logger);
        EndpointSlices = new("endpointslices.discovery.k8s.io", ClusterResourceClients.EndpointSlices(client), o, logger);
        Pods = new("pods", ClusterResourceClients.Pods(client), o, logger);
        Nodes = new("nodes", ClusterResourceClients.Nodes(client), o, logger);
        IstioApiVersion = $"{KindHandlers.IstioNetworkingGroup}/{options.IstioVersion}";
        Istio = [.. IstioKinds.Select(k => (k.Kind, new ResourceInformer<CustomResource>(
            $"{k.Plural}.{KindHandlers.IstioNetworkingGroup}",
            ClusterResourceClients.Custom(client, KindHandlers.IstioNetworkingGroup, options.IstioVersion, k.Plural),
            o,
            logger)))];
        ClusterWide = [Namespaces, Services, EndpointSlices, Pods, Nodes, .. Istio.Select(i => i.Informer)];
        MeshConfigMap = options.WatchMeshConfigMap
            ? new("configmaps", ClusterResourceClients.ConfigMap(client, options.Namespace, MeshConfigMapName), o, logger)
            : null;
        All = MeshConfigMap is null ? ClusterWide : [.. ClusterWide, MeshConfigMap];
    }

    /// <summary>istiod's mesh config ConfigMap in the control plane's namespace; its <c>mesh</c> key holds the MeshConfig.</summary>
    public const string MeshConfigMapName = "istio";

    public ResourceInformer<V1Namespace> Namespaces { get; }

    public ResourceInformer<V1Service> Services { get; }

    public ResourceInformer<V1EndpointSlice> EndpointSlices { get; }

    public ResourceInformer<V1Pod> Pods { get; }

    public ResourceInformer<V1Node> Nodes { get; }

    public string IstioApiVersion { get; }

    public IReadOnlyList<(string Kind, ResourceInformer<CustomResource> Informer)> Istio { get; }

    /// <summary>The mesh config ConfigMap's informer, restricted to one namespace and name; null when not watched.</summary>
    public ResourceInformer<V1ConfigMap>? MeshConfigMap { get; }

    /// <summary>The informers watching every namespace (what the ClusterRole grants).</summary>
    public IReadOnlyList<IResourceInformer> ClusterWide { get; }

    public IReadOnlyList<IResourceInformer> All { get; }

    /// <summary>Calls <paramref name="changed"/> with the informer's resource name after every cache change of any kind.</summary>
    public void OnChange(Action<string> changed)
    {
        Namespaces.AddHandler(_ => changed(Namespaces.ResourceName));
        Services.AddHandler(_ => changed(Services.ResourceName));
        EndpointSlices.AddHandler(_ => changed(EndpointSlices.ResourceName));
        Pods.AddHandler(_ => changed(Pods.ResourceName));
        Nodes.AddHandler(_ => changed(Nodes.ResourceName));
        MeshConfigMap?.AddHandler(_ => changed(MeshConfigMap.ResourceName));
        foreach (var (_, informer) in Istio)
        {
            informer.AddHandler(_ => changed(informer.ResourceName));
        }
    }
}
