namespace ControlPlane.Kubernetes.Informers;

using System.Net;
using k8s;
using k8s.Autorest;

/// <summary>
/// Receives the errors KubernetesClient reports while reading one watch stream and decides what they mean: a 410 Status
/// (resourceVersion expired) stops the watch at once for a relist; another ERROR Status ends it as a failure to retry
/// with backoff; a line that does not parse is only reported, since the stream itself is still good.
/// </summary>
internal sealed class WatchErrorTracker(CancellationTokenSource watch, Action<string> reportLine)
{
    public bool Gone { get; private set; }

    public Exception? Failure { get; private set; }

    public static bool IsGone(Exception ex) => ex switch
    {
        HttpOperationException http => http.Response?.StatusCode == HttpStatusCode.Gone,
        KubernetesException kube => kube.Status?.Code == (int)HttpStatusCode.Gone,
        _ => false,
    };

    public void OnError(Exception ex)
    {
        if (IsGone(ex))
        {
            Gone = true;
            watch.Cancel();
        }
        else if (ex is KubernetesException)
        {
            Failure ??= ex;
        }
        else
        {
            reportLine(ex.Message);
        }
    }
}
