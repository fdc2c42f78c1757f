namespace ControlPlane.Xds.Serving;

using System.Globalization;
using ControlPlane.Model.Push;

/// <summary>
/// Response versions and nonces. A version is <c>&lt;mesh version&gt;/&lt;counter&gt;</c>: it names the push context it was
/// generated from and changes with every response. A nonce is unique per response across the process and, through a
/// random per-instance prefix, across restarts (a reconnecting proxy's old nonce never matches a new one). Thread-safe.
/// </summary>
internal sealed class VersionSource
{
    private readonly string prefix = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 4));
    private long versions;
    private long nonces;

    public string NextVersion(PushContext push) =>
        string.Create(CultureInfo.InvariantCulture, $"{push.Version}/{Interlocked.Increment(ref versions)}");

    public string NextNonce() =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{Interlocked.Increment(ref nonces)}");
}
