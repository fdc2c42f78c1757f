namespace ControlPlane.Xds.Serving;

using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// Content hashes of packed resources: the delta per-resource version, and the SotW "same as last time" check.
/// A hash is a function of the serialized bytes only (XXH3: stable across processes and restarts, so a proxy that
/// reconnects to another replica with <c>initial_resource_versions</c> is not resent what it has; a cryptographic hash
/// bought nothing here and cost about 8% of CPU under load). Hashes are remembered per <see cref="Any"/> instance, so a
/// resource served from the generation caches is hashed once however many proxies receive it; generated resources are
/// never mutated after packing. Thread-safe.
/// </summary>
internal static class ResourceHasher
{
    private static readonly ConditionalWeakTable<Any, string> Cache = [];

    public static string Hash(Any resource) => Cache.GetValue(resource, static r => Compute(r));

    /// <summary>One hash over a whole response: names and content, in order.</summary>
    public static string HashAll(IEnumerable<(string Name, Any Resource)> resources)
    {
        var hash = new XxHash128();
        Span<byte> separator = [0];
        foreach (var (name, resource) in resources)
        {
            hash.Append(Encoding.UTF8.GetBytes(name));
            hash.Append(separator);
            hash.Append(Encoding.ASCII.GetBytes(Hash(resource)));
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private static string Compute(Any resource) => XxHash3.HashToUInt64(resource.Value.Span).ToString("x16");
}
