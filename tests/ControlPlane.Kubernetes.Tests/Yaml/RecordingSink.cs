namespace ControlPlane.Kubernetes.Tests.Yaml;

using System.Collections.Concurrent;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.State;

/// <summary>Push sink double: remembers every request the store raised.</summary>
internal sealed class RecordingSink : IPushRequestSink
{
    private readonly ConcurrentQueue<PushRequest> requests = new();

    public IReadOnlyList<PushRequest> Requests => [.. requests];

    public void Enqueue(PushRequest request, MeshSnapshot snapshot) => requests.Enqueue(request);
}
