namespace ControlPlane.Kubernetes.Yaml;

using ControlPlane.Model.Mesh;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.State;

/// <summary>
/// Calls back when the store's MeshConfig is replaced. Conversion reads MeshConfig (the domain suffix in host names,
/// default exportTo, ...), so a source that converted with the old one must convert again. Runs under the store's lock:
/// the callback must only signal, never apply to the store itself.
/// </summary>
internal sealed class MeshConfigChangeTrigger(MeshConfig current, Action onChanged) : IPushRequestSink
{
    private MeshConfig seen = current;

    public void Enqueue(PushRequest request, MeshSnapshot snapshot)
    {
        if (!request.IsGlobal || ReferenceEquals(Interlocked.Exchange(ref seen, snapshot.Mesh), snapshot.Mesh))
        {
            return;
        }

        onChanged();
    }
}
