namespace ControlPlane.Kubernetes.Informers;

using k8s;

/// <summary>
/// The two API calls an informer makes for one resource type. The seam between <see cref="ResourceInformer{T}"/> and the
/// generated KubernetesClient operations, which differ per kind only in which method they call.
/// </summary>
public interface IResourceClient<T>
{
    /// <summary>A consistent list of every object and the resourceVersion it was read at.</summary>
    Task<ResourceList<T>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Watches from <paramref name="resourceVersion"/> with bookmarks allowed, for at most <paramref name="timeoutSeconds"/>. <c>ERROR</c> events (a 410 Status, for one)
    /// reach <paramref name="onError"/> as a <see cref="KubernetesException"/>; the stream ends when the server closes it.
    /// </summary>
    IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string resourceVersion, int timeoutSeconds, Action<Exception> onError, CancellationToken cancellationToken);
}
