namespace ControlPlane.Kubernetes.Cluster;

using System.Runtime.CompilerServices;
using System.Text.Json;
using ControlPlane.Kubernetes.Informers;
using k8s;
using k8s.Models;

/// <summary>
/// List and watch calls of the real KubernetesClient for each kind the cluster source reads, all cluster-wide (every
/// namespace), watches with bookmarks. Istio kinds go through the generic custom-objects API.
/// </summary>
internal static class ClusterResourceClients
{
    public static IResourceClient<V1Namespace> Namespaces(IKubernetes k) => new KubernetesResourceClient<V1Namespace>(
        async ct => From(await k.CoreV1.ListNamespaceAsync(cancellationToken: ct).ConfigureAwait(false)),
        (rv, timeout, onError, ct) => k.CoreV1.WatchListNamespaceAsync(allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));

    public static IResourceClient<V1Service> Services(IKubernetes k) => new KubernetesResourceClient<V1Service>(
        async ct => From(await k.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)),
        (rv, timeout, onError, ct) => k.CoreV1.WatchListServiceForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));

    public static IResourceClient<V1EndpointSlice> EndpointSlices(IKubernetes k) => new KubernetesResourceClient<V1EndpointSlice>(
        async ct => From(await k.DiscoveryV1.ListEndpointSliceForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)),
        (rv, timeout, onError, ct) => k.DiscoveryV1.WatchListEndpointSliceForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));

    public static IResourceClient<V1Pod> Pods(IKubernetes k) => new KubernetesResourceClient<V1Pod>(
        async ct => From(await k.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)),
        (rv, timeout, onError, ct) => k.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));

    public static IResourceClient<V1Node> Nodes(IKubernetes k) => new KubernetesResourceClient<V1Node>(
        async ct => From(await k.CoreV1.ListNodeAsync(cancellationToken: ct).ConfigureAwait(false)),
        (rv, timeout, onError, ct) => k.CoreV1.WatchListNodeAsync(allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));

    /// <summary>
    /// The ConfigMaps named <paramref name="name"/> in <paramref name="ns"/> only: a field selector keeps the list and
    /// watch to that one object, so the grant needed is a Role in one namespace, not cluster-wide ConfigMap access.
    /// </summary>
    public static IResourceClient<V1ConfigMap> ConfigMap(IKubernetes k, string ns, string name) => new KubernetesResourceClient<V1ConfigMap>(
        async ct => From(await k.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: $"metadata.name={name}", cancellationToken: ct).ConfigureAwait(false)),
        (rv, timeout, onError, ct) => k.CoreV1.WatchListNamespacedConfigMapAsync(ns, fieldSelector: $"metadata.name={name}", allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct));

    /// <summary>A custom resource of every namespace: <c>/apis/{group}/{version}/{plural}</c>.</summary>
    public static IResourceClient<CustomResource> Custom(IKubernetes k, string group, string version, string plural) =>
        new KubernetesResourceClient<CustomResource>(
            async ct =>
            {
                var list = await k.CustomObjects.ListClusterCustomObjectAsync<CustomResourceList>(group, version, plural, cancellationToken: ct).ConfigureAwait(false);
                return new ResourceList<CustomResource>([.. list.Items], list.Metadata?.ResourceVersion ?? "");
            },
            (rv, timeout, onError, ct) => WatchCustom(k, group, version, plural, rv, timeout, onError, ct));

    private static ResourceList<T> From<T>(IItems<T> list)
        where T : IKubernetesObject =>
        new([.. list.Items], (list as IMetadata<V1ListMeta>)?.Metadata?.ResourceVersion ?? "");

    private static async IAsyncEnumerable<(WatchEventType, CustomResource)> WatchCustom(
        IKubernetes k, string group, string version, string plural, string rv, int timeout, Action<Exception> onError,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var events = k.CustomObjects.WatchListClusterCustomObjectAsync(
            group, version, plural, allowWatchBookmarks: true, resourceVersion: rv, timeoutSeconds: timeout, onError: onError, cancellationToken: ct);
        await foreach (var (type, item) in events.ConfigureAwait(false))
        {
            // The generic watch hands out each object as a JsonElement.
            var raw = item is JsonElement element ? element.GetRawText() : JsonSerializer.Serialize(item);
            yield return (type, KubernetesJson.Deserialize<CustomResource>(raw));
        }
    }
}
