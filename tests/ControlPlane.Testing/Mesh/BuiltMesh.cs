namespace ControlPlane.Testing.Mesh;

using System.Collections.Frozen;
using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Model.Scoping;
using ControlPlane.Model.State;

/// <summary>A mesh built by <see cref="MeshBuilder"/>: its store, push context, and factories for proxies in it.</summary>
public sealed class BuiltMesh(MeshStore store, PushContext push)
{
    public MeshStore Store { get; } = store;

    public PushContext Push { get; } = push;

    /// <summary>
    /// A stock sidecar as pilot-agent describes it: node id <c>sidecar~ip~pod.ns~ns.svc.cluster.local</c>, cluster
    /// <c>Kubernetes</c>, interception REDIRECT.
    /// </summary>
    public Proxy Sidecar(string pod, string ns, string ip, params (string Key, string Value)[] labels)
    {
        var domain = $"{ns}.svc.{Push.Mesh.DomainSuffix}";
        return new Proxy
        {
            Id = $"sidecar~{ip}~{pod}.{ns}~{domain}",
            IpAddresses = [ip],
            WorkloadName = $"{pod}.{ns}",
            Namespace = ns,
            DnsDomain = domain,
            Labels = labels.ToFrozenDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
            ClusterId = "Kubernetes",
            IstioVersion = "1.24.0",
        };
    }

    public SidecarScope ScopeFor(Proxy proxy) => Push.ScopeFor(proxy);
}
