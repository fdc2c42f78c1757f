namespace ControlPlane.Kubernetes.Informers;

using k8s;

/// <summary>
/// An <see cref="IResourceClient{T}"/> made of two calls on the real KubernetesClient: a list and a watch with bookmarks.
/// The factories in <c>Cluster.ClusterResourceClients</c> supply one pair per kind.
/// </summary>
public sealed class KubernetesResourceClient<T>(
    Func<CancellationToken, Task<ResourceList<T>>> list,
    Func<string, int, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch) : IResourceClient<T>
{
    public Task<ResourceList<T>> ListAsync(CancellationToken cancellationToken) => list(cancellationToken);

    public IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string resourceVersion, int timeoutSeconds, Action<Exception> onError, CancellationToken cancellationToken) =>
        watch(resourceVersion, timeoutSeconds, onError, cancellationToken);
}
