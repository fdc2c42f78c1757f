namespace ControlPlane.Kubernetes.Cluster;

using ControlPlane.Kubernetes.Converters;
using ControlPlane.Kubernetes.Informers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

/// <summary>
/// One informer per kind the cluster source reads: core kinds typed, Istio kinds as generic custom objects at the version
/// <see cref="IstioVersions"/> discovers (or the one the options fix).
/// </summary>
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
        IstioVersions = new IstioVersionResolver(client, options.IstioVersion);
        Istio = [.. IstioKinds.Select(k => (k.Kind, k.Plural, new ResourceInformer<CustomResource>(
            $"{k.Plural}.{KindHandlers.IstioNetworkingGroup}",
            new IstioResourceClient(client, IstioVersions, k.Plural),
            o,
            logger)))];
        ClusterWide = [Namespaces, Services, EndpointSlices, Pods, Nodes, .. Istio.Select(i => i.Informer)];
        MeshConfigMapName = MeshConfigMapNameFor(options.Revision);
        MeshConfigMap = options.WatchMeshConfigMap
            ? new("configmaps", ClusterResourceClients.ConfigMap(client, options.Namespace, MeshConfigMapName), o, logger)
            : null;
        All = MeshConfigMap is null ? ClusterWide : [.. ClusterWide, MeshConfigMap];
    }

    /// <summary>
    /// istiod's mesh config ConfigMap in the control plane's namespace, whose <c>mesh</c> key holds the MeshConfig:
    /// <c>istio</c>, or <c>istio-&lt;revision&gt;</c> for a revision (istiod's convention, and the chart's).
    /// </summary>
    public string MeshConfigMapName { get; }

    public ResourceInformer<V1Namespace> Namespaces { get; }

    public ResourceInformer<V1Service> Services { get; }

    public ResourceInformer<V1EndpointSlice> EndpointSlices { get; }

    public ResourceInformer<V1Pod> Pods { get; }

    public ResourceInformer<V1Node> Nodes { get; }

    public IstioVersionResolver IstioVersions { get; }

    public IReadOnlyList<(string Kind, string Plural, ResourceInformer<CustomResource> Informer)> Istio { get; }

    /// <summary>The mesh config ConfigMap's informer, restricted to one namespace and name; null when not watched.</summary>
    public ResourceInformer<V1ConfigMap>? MeshConfigMap { get; }

    /// <summary>The informers watching every namespace (what the ClusterRole grants).</summary>
    public IReadOnlyList<IResourceInformer> ClusterWide { get; }

    public IReadOnlyList<IResourceInformer> All { get; }

    public static string MeshConfigMapNameFor(string? revision) => string.IsNullOrEmpty(revision) ? "istio" : $"istio-{revision}";

    /// <summary>The apiVersion an Istio object is read at: its own (custom resources carry it), else the resolved one.</summary>
    public string ApiVersionOf(CustomResource value, string plural) =>
        value.ApiVersion.Length > 0 ? value.ApiVersion : $"{KindHandlers.IstioNetworkingGroup}/{IstioVersions.Current(plural) ?? IstioVersionResolver.KnownVersions[0]}";

    /// <summary>Calls <paramref name="changed"/> with the informer's resource name after every cache change of any kind.</summary>
    public void OnChange(Action<string> changed)
    {
        Namespaces.AddHandler(_ => changed(Namespaces.ResourceName));
        Services.AddHandler(_ => changed(Services.ResourceName));
        EndpointSlices.AddHandler(_ => changed(EndpointSlices.ResourceName));
        Pods.AddHandler(_ => changed(Pods.ResourceName));
        Nodes.AddHandler(_ => changed(Nodes.ResourceName));
        MeshConfigMap?.AddHandler(_ => changed(MeshConfigMap.ResourceName));
        foreach (var (_, _, informer) in Istio)
        {
            informer.AddHandler(_ => changed(informer.ResourceName));
        }
    }
}
