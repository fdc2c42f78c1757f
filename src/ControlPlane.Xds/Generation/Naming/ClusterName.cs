namespace ControlPlane.Xds.Generation.Naming;

using System.Globalization;

/// <summary>
/// istiod's subset keys (<c>model.BuildSubsetKey</c> / <c>ParseSubsetKey</c>): <c>outbound|&lt;port&gt;|&lt;subset&gt;|&lt;fqdn&gt;</c>
/// and <c>inbound|&lt;targetPort&gt;||</c>. istioctl, Kiali and EnvoyFilters parse these names, so the format is exact.
/// </summary>
internal static class ClusterName
{
    public const string OutboundDirection = "outbound";
    public const string InboundDirection = "inbound";

    public static string Outbound(int port, string subset, string hostname) =>
        string.Create(CultureInfo.InvariantCulture, $"{OutboundDirection}|{port}|{subset}|{hostname}");

    /// <summary><c>BuildInboundSubsetKey</c>: since 1.10 the host and port name are no longer part of the inbound name.</summary>
    public static string Inbound(int targetPort) =>
        string.Create(CultureInfo.InvariantCulture, $"{InboundDirection}|{targetPort}||");

    /// <summary>
    /// Parses both the <c>|</c> form and the DNS-SRV (<c>outbound_.9080_.v1_.host</c>) form, as <c>ParseSubsetKey</c> does.
    /// </summary>
    public static bool TryParse(string name, out ParsedClusterName parsed)
    {
        parsed = default!;
        var span = name.AsSpan();

        // Parsed in place: EDS resolves every requested name, so only the parts kept are allocated.
        Span<Range> parts = stackalloc Range[5];
        var count = span.StartsWith("outbound_.", StringComparison.Ordinal) || span.StartsWith("inbound_.", StringComparison.Ordinal)
            ? span.Split(parts[..4], "_.")
            : span.Split(parts, '|');
        if (count != 4 || !int.TryParse(span[parts[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return false;
        }

        var direction = span[parts[0]] switch
        {
            OutboundDirection => OutboundDirection,
            InboundDirection => InboundDirection,
            _ => null,
        };
        if (direction is null)
        {
            return false;
        }

        var subset = span[parts[2]];
        parsed = new ParsedClusterName(direction, port, subset.IsEmpty ? "" : subset.ToString(), span[parts[3]].ToString());
        return true;
    }

    /// <summary><c>IsValidSubsetKey</c>: used for route decorators, which name the host only for well-formed cluster names.</summary>
    public static bool IsSubsetKey(string name) => name.AsSpan().Count('|') == 3;
}
