namespace ControlPlane.Model.State;

using ControlPlane.Model.Pushing;

/// <summary>Receives the push request for every applied change. Implementations must not block (called under the store's lock).</summary>
public interface IPushRequestSink
{
    void Enqueue(PushRequest request, MeshSnapshot snapshot);
}
