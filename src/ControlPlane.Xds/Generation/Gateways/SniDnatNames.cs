namespace ControlPlane.Xds.Generation.Gateways;

using System.Globalization;

/// <summary>
/// <c>BuildDNSSrvSubsetKey</c>: <c>outbound_.&lt;port&gt;_.&lt;subset&gt;_.&lt;host&gt;</c>, the SNI sidecars send for Istio
/// mTLS and the name of the SNI-DNAT clusters and chains an AUTO_PASSTHROUGH gateway routes it to.
/// </summary>
internal static class SniDnatNames
{
    public const string Prefix = "outbound_.";

    public static string For(int port, string subset, string hostname) =>
        string.Create(CultureInfo.InvariantCulture, $"outbound_.{port}_.{subset}_.{hostname}");

    public static bool IsSniDnat(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);
}
