namespace ControlPlane.Kubernetes.Cluster;

using System.Net;
using System.Runtime.CompilerServices;
using ControlPlane.Kubernetes.Converters;
using ControlPlane.Kubernetes.Informers;
using k8s;
using k8s.Autorest;
using k8s.Models;

/// <summary>
/// List and watch of one networking.istio.io kind at the version <see cref="IstioVersionResolver"/> picks: each list asks
/// for the version (discovering it when unknown) and the watches that follow use the version of that list, so a list and
/// its watches never straddle two versions. A 404 (the version is no longer served, say after a CRD upgrade) forgets the
/// discovery; on a watch it is reported as 410 Gone, so the informer relists, which discovers again.
/// </summary>
internal sealed class IstioResourceClient(IKubernetes client, IstioVersionResolver versions, string plural) : IResourceClient<CustomResource>
{
    private string listedVersion = "";

    public async Task<ResourceList<CustomResource>> ListAsync(CancellationToken cancellationToken)
    {
        var version = await versions.VersionOfAsync(plural, cancellationToken).ConfigureAwait(false);
        try
        {
            var list = await ClusterResourceClients.Custom(client, KindHandlers.IstioNetworkingGroup, version, plural).ListAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref listedVersion, version);
            return list;
        }
        catch (HttpOperationException ex) when (ex.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            versions.Invalidate();
            throw;
        }
    }

    public async IAsyncEnumerable<(WatchEventType Type, CustomResource Object)> WatchAsync(
        string resourceVersion, int timeoutSeconds, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var version = Volatile.Read(ref listedVersion);
        var events = ClusterResourceClients.Custom(client, KindHandlers.IstioNetworkingGroup, version, plural)
            .WatchAsync(resourceVersion, timeoutSeconds, onError, cancellationToken);
        var enumerator = events.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (await NextAsync(enumerator, version).ConfigureAwait(false))
            {
                yield return enumerator.Current;
            }
        }
    }

    private async Task<bool> NextAsync(IAsyncEnumerator<(WatchEventType, CustomResource)> enumerator, string version)
    {
        try
        {
            return await enumerator.MoveNextAsync().ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            versions.Invalidate();
            throw new KubernetesException(
                new V1Status { Code = (int)HttpStatusCode.Gone, Reason = "Gone", Message = $"{plural}.{KindHandlers.IstioNetworkingGroup} is no longer served at {version}" },
                ex);
        }
    }
}
