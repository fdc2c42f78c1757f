namespace ControlPlane.Kubernetes.Cluster;

using ControlPlane.Kubernetes.Assembling;
using ControlPlane.Kubernetes.Informers;
using ControlPlane.Kubernetes.Schema;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.State;
using k8s;
using k8s.Models;

/// <summary>
/// Turns the informers' current snapshots into the whole mesh as one <see cref="MeshDelta"/> of upserts, joined by the
/// YAML source's <see cref="MeshAssembler"/>; objects unchanged since the last build are not converted again.
/// </summary>
internal sealed class ClusterMeshBuilder(ClusterInformers informers, ClusterSourceOptions options, CrdSchemaSet? schemas = null)
{
    private readonly ClusterObjectConverter converter = new(schemas);

    public int Conversions => converter.Conversions;

    public (MeshDelta Complete, IReadOnlyList<ConfigProblem> Problems, int ObjectCount) Build(MeshConfig mesh)
    {
        var inputs = new MeshInputs();
        var problems = new List<ConfigProblem>();
        converter.Begin(mesh);
        var namespaces = informers.Namespaces.Snapshot;
        var filter = DiscoveryFilter.Create(Selectors(mesh), namespaces.Items.Values, options.Namespace);
        Add(namespaces, "v1", "Namespace", filter, inputs, problems);
        Add(informers.Services.Snapshot, "v1", "Service", filter, inputs, problems);
        Add(informers.EndpointSlices.Snapshot, "discovery.k8s.io/v1", "EndpointSlice", filter, inputs, problems);
        AddPods(filter, inputs, problems);
        foreach (var (kind, plural, informer) in informers.Istio)
        {
            AddIstio(informer.Snapshot, kind, plural, filter, inputs, problems);
        }

        converter.End();
        var complete = MeshAssembler.Assemble(inputs, problems);
        return (complete, problems, inputs.Count);
    }

    /// <summary>MeshConfig's selectors when it has any; otherwise the options' default.</summary>
    private IReadOnlyList<NamespaceSelector> Selectors(MeshConfig mesh) =>
        mesh.DiscoverySelectors.IsEmpty ? options.DiscoverySelectors : [.. mesh.DiscoverySelectors.Select(NamespaceSelector.From)];

    private static void Accept(ConvertedObject result, MeshInputs inputs, List<ConfigProblem> problems)
    {
        problems.AddRange(result.Problems);
        if (result.Value is not null)
        {
            // API object identities are unique, so a duplicate cannot happen here; TryAdd's answer is not needed.
            inputs.TryAdd(result.Value, result.Origin, out _);
        }
    }

    private void Add<T>(
        ResourceSnapshot<T> snapshot, string apiVersion, string kind, DiscoveryFilter filter, MeshInputs inputs, List<ConfigProblem> problems)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        // A Namespace object is cluster-scoped; its own name says whether it is discovered.
        var isNamespace = kind == "Namespace";
        foreach (var (key, value) in snapshot.Items.Where(i => filter.Includes(isNamespace ? i.Key.Name : i.Key.Namespace)))
        {
            var result = converter.Convert(kind, key, value.Metadata?.ResourceVersion ?? "", () => ClusterObjectRenderer.Render(value, apiVersion, kind));
            Accept(result, inputs, problems);
        }
    }

    /// <summary>Istio objects are rendered at the version they were read at, which discovery may have chosen per kind.</summary>
    private void AddIstio(
        ResourceSnapshot<CustomResource> snapshot, string kind, string plural, DiscoveryFilter filter, MeshInputs inputs, List<ConfigProblem> problems)
    {
        foreach (var (key, value) in snapshot.Items.Where(i => filter.Includes(i.Key.Namespace)))
        {
            var apiVersion = informers.ApiVersionOf(value, plural);
            var result = converter.Convert(kind, key, value.Metadata?.ResourceVersion ?? "", () => ClusterObjectRenderer.Render(value, apiVersion, kind));
            Accept(result, inputs, problems);
        }
    }

    /// <summary>Pods take the locality labels of their node, so a node relabelled re-converts its pods.</summary>
    private void AddPods(DiscoveryFilter filter, MeshInputs inputs, List<ConfigProblem> problems)
    {
        var nodes = informers.Nodes.Snapshot.Items.ToDictionary(n => n.Key.Name, n => n.Value, StringComparer.Ordinal);
        foreach (var (key, pod) in informers.Pods.Snapshot.Items.Where(p => filter.Includes(p.Key.Namespace)))
        {
            var locality = ClusterObjectRenderer.NodeLocality(pod, nodes);
            var stamp = $"{pod.Metadata?.ResourceVersion}|{string.Join(',', locality.Select(l => $"{l.Key}={l.Value}"))}";
            var result = converter.Convert("Pod", key, stamp, () => ClusterObjectRenderer.WithLabels(ClusterObjectRenderer.Render(pod, "v1", "Pod"), locality));
            Accept(result, inputs, problems);
        }
    }
}
