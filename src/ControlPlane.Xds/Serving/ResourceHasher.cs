namespace ControlPlane.Xds.Serving;

using System.IO.Hashing;
using System.Text;
using ControlPlane.Xds.Generation;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// Content hashes for serving: a resource's delta version (<see cref="NamedResource.Version"/>, computed once per
/// instance) and one hash over a whole SotW response for the "same as last time" check. XXH3, not a cryptographic hash:
/// nothing here is adversarial, and SHA-256 cost about 8% of CPU under load. Thread-safe.
/// </summary>
internal static class ResourceHasher
{
    public static string Hash(Any resource) => NamedResource.ContentVersion(resource);

    /// <summary>One hash over a whole response: names and content, in order.</summary>
    public static string HashAll(IEnumerable<NamedResource> resources)
    {
        var hash = new XxHash128();
        Span<byte> separator = [0];
        foreach (var resource in resources)
        {
            hash.Append(Encoding.UTF8.GetBytes(resource.Name));
            hash.Append(separator);
            hash.Append(Encoding.ASCII.GetBytes(resource.Version));
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
