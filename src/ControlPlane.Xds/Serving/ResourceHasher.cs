namespace ControlPlane.Xds.Serving;

using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// Content hashes of packed resources: the delta per-resource version, and the SotW "same as last time" check.
/// A hash is a function of the serialized bytes only. Hashes are remembered per <see cref="Any"/> instance, so a resource
/// a generator serves from its cache is hashed once; generated resources are never mutated after packing. Thread-safe.
/// </summary>
internal static class ResourceHasher
{
    private static readonly ConditionalWeakTable<Any, string> Cache = [];

    public static string Hash(Any resource) => Cache.GetValue(resource, static r => Compute(r));

    /// <summary>One hash over a whole response: names and content, in order.</summary>
    public static string HashAll(IEnumerable<(string Name, Any Resource)> resources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, resource) in resources)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData(Convert.FromHexString(Hash(resource)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }

    private static string Compute(Any resource)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(resource.Value.Span, digest);
        return Convert.ToHexStringLower(digest[..8]);
    }
}
