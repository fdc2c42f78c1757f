namespace ControlPlane.Xds.Tests.Pushing;

using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Pushing;

/// <summary>A connection stand-in: fixed watches, records what is queued for it.</summary>
internal sealed class FakeTarget(string ns, params (string TypeUrl, WatchedResources Watch)[] watches) : IPushTarget
{
    private readonly List<PendingPush> queued = [];

    public string Id { get; } = $"pod.{ns}-1";

    public Proxy Proxy { get; } = new() { Id = $"sidecar~10.0.0.1~pod.{ns}~{ns}.svc.cluster.local", Namespace = ns, WorkloadName = $"pod.{ns}" };

    public IReadOnlyDictionary<string, WatchedResources> Watches { get; } = watches.ToDictionary(w => w.TypeUrl, w => w.Watch);

    public IReadOnlyList<PendingPush> Queued
    {
        get
        {
            lock (queued)
            {
                return [.. queued];
            }
        }
    }

    public void Enqueue(PendingPush push)
    {
        lock (queued)
        {
            queued.Add(push);
        }
    }
}
