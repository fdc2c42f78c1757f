namespace ControlPlane.Kubernetes.Cluster;

using System.Collections.Frozen;
using ControlPlane.Kubernetes.Converters;
using k8s;

/// <summary>
/// Which version of each networking.istio.io kind to watch: with a fixed version in the options, that one; otherwise, by
/// API discovery (<c>/apis</c>, then <c>/apis/networking.istio.io/{version}</c>), the newest of <see cref="KnownVersions"/>
/// that the server serves the kind at, so clusters whose Istio CRDs predate <c>v1</c> still work. The answer is shared by
/// every Istio informer and kept until <see cref="Invalidate"/> (a list that got 404, say after a CRD upgrade dropped a
/// version); a failed discovery is not kept, so the next list retries it. Thread-safe.
/// </summary>
internal sealed class IstioVersionResolver(IKubernetes client, string? fixedVersion)
{
    /// <summary>The versions the converters read, newest first; all share one schema.</summary>
    public static readonly IReadOnlyList<string> KnownVersions = ["v1", "v1beta1", "v1alpha3"];

    private readonly Lock gate = new();
    private Task<FrozenDictionary<string, string>>? discovery;
    private FrozenDictionary<string, string> last = FrozenDictionary<string, string>.Empty;

    /// <summary>Discovery requests made (one per resolution: the group list, then one resource list per served known version).</summary>
    public int Resolutions { get; private set; }

    /// <summary>The version <paramref name="plural"/> is read at; discovers it first when needed.</summary>
    public async Task<string> VersionOfAsync(string plural, CancellationToken cancellationToken)
    {
        if (fixedVersion is not null)
        {
            return fixedVersion;
        }

        Task<FrozenDictionary<string, string>> pending;
        lock (gate)
        {
            if (discovery is null || discovery.IsFaulted || discovery.IsCanceled)
            {
                Resolutions++;
                discovery = DiscoverAsync(CancellationToken.None);
            }

            pending = discovery;
        }

        var versions = await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        return versions.TryGetValue(plural, out var version)
            ? version
            : throw new InvalidOperationException(
                $"{plural}.{KindHandlers.IstioNetworkingGroup} is not served at any of {string.Join(", ", KnownVersions)}: are Istio's CRDs installed?");
    }

    /// <summary>The version last resolved for <paramref name="plural"/>, or null before the first resolution.</summary>
    public string? Current(string plural) => fixedVersion ?? Volatile.Read(ref last).GetValueOrDefault(plural);

    /// <summary>Forgets the discovered versions; the next list discovers again.</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            discovery = null;
        }
    }

    private async Task<FrozenDictionary<string, string>> DiscoverAsync(CancellationToken cancellationToken)
    {
        var groups = await client.Apis.GetAPIVersionsAsync(cancellationToken).ConfigureAwait(false);
        var served = groups.Groups?.FirstOrDefault(g => g.Name == KindHandlers.IstioNetworkingGroup)?.Versions?.Select(v => v.Version).ToHashSet(StringComparer.Ordinal) ?? [];
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var version in KnownVersions.Where(served.Contains))
        {
            var resources = await client.CustomObjects.GetAPIResourcesAsync(KindHandlers.IstioNetworkingGroup, version, cancellationToken).ConfigureAwait(false);
            foreach (var resource in resources.Resources ?? [])
            {
                // Subresources (virtualservices/status) are listed too; the first (newest) version serving a kind wins.
                if (!resource.Name.Contains('/', StringComparison.Ordinal))
                {
                    result.TryAdd(resource.Name, version);
                }
            }
        }

        var frozen = result.ToFrozenDictionary(StringComparer.Ordinal);
        Volatile.Write(ref last, frozen);
        return frozen;
    }
}
