namespace ControlPlane.Xds.Generation.Proxyless;

using System.Globalization;

/// <summary>
/// A gRPC target authority as the client writes it in LDS names: <c>host:port</c>, <c>host</c>, or <c>[v6]:port</c>.
/// <see cref="Port"/> is null when the target names no port.
/// </summary>
internal readonly record struct HostPort(string Host, int? Port)
{
    public static bool TryParse(string value, out HostPort parsed)
    {
        parsed = default;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (value[0] == '[')
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            if (close < 2)
            {
                return false;
            }

            var host = value[1..close];
            var rest = value[(close + 1)..];
            if (rest.Length == 0)
            {
                parsed = new HostPort(host, null);
                return true;
            }

            return rest[0] == ':' && TryParsePort(rest[1..], out var v6Port) && Set(host, v6Port, out parsed);
        }

        var colon = value.LastIndexOf(':');
        if (colon < 0)
        {
            parsed = new HostPort(value, null);
            return true;
        }

        // More than one colon without brackets is a bare IPv6 literal, never host:port.
        if (value.IndexOf(':', StringComparison.Ordinal) != colon)
        {
            return false;
        }

        return colon > 0 && TryParsePort(value[(colon + 1)..], out var port) && Set(value[..colon], port, out parsed);
    }

    private static bool TryParsePort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;

    private static bool Set(string host, int port, out HostPort parsed)
    {
        parsed = new HostPort(host, port);
        return true;
    }
}
