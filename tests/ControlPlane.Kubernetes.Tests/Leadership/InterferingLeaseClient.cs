namespace ControlPlane.Kubernetes.Tests.Leadership;

using ControlPlane.Kubernetes.Leadership;
using k8s.Models;

/// <summary>
/// A Lease client that, before the first replace it forwards, lets <paramref name="interfere"/> write the Lease too: the
/// race of two writers between one's read and its write, which the API server settles with a 409 for the second.
/// </summary>
internal sealed class InterferingLeaseClient(ILeaseClient inner, Action interfere) : ILeaseClient
{
    private int replaces;

    public int Replaces => replaces;

    public Task<V1Lease?> GetAsync(string ns, string name, CancellationToken cancellationToken) => inner.GetAsync(ns, name, cancellationToken);

    public Task<V1Lease> CreateAsync(V1Lease lease, CancellationToken cancellationToken) => inner.CreateAsync(lease, cancellationToken);

    public Task<V1Lease> ReplaceAsync(V1Lease lease, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref replaces) == 1)
        {
            interfere();
        }

        return inner.ReplaceAsync(lease, cancellationToken);
    }
}
