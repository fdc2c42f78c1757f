namespace ControlPlane.Xds.Pushing;

using System.Collections.Frozen;

/// <summary>Reads the host out of an Istio cluster / EDS service name <c>direction|port|subset|host</c> (or its <c>outbound_.</c> SNI form).</summary>
internal static class EdsClusterName
{
    private const string SniPrefix = "outbound_.";

    public static bool TryGetHost(string clusterName, out string host)
    {
        var found = TryGetHost(clusterName, out ReadOnlySpan<char> span);
        host = found ? span.ToString() : "";
        return found;
    }

    /// <summary>
    /// Whether the name's host is one of <paramref name="hosts"/>, without allocating the host: pushes ask this for every
    /// watched endpoint name of every connection.
    /// </summary>
    public static bool HostIn(string clusterName, IReadOnlySet<string> hosts)
    {
        if (!TryGetHost(clusterName, out ReadOnlySpan<char> host))
        {
            return false;
        }

        return hosts switch
        {
            FrozenSet<string> frozen when frozen.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup) => lookup.Contains(host),
            HashSet<string> set when set.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup) => lookup.Contains(host),
            _ => hosts.Contains(host.ToString()),
        };
    }

    private static bool TryGetHost(string clusterName, out ReadOnlySpan<char> host)
    {
        host = default;
        var name = clusterName.AsSpan();

        // SNI-DNAT clusters of AUTO_PASSTHROUGH gateways: outbound_.<port>_.<subset>_.<host>.
        if (name.StartsWith(SniPrefix, StringComparison.Ordinal))
        {
            var rest = name[SniPrefix.Length..];
            for (var i = 0; i < 2; i++)
            {
                var separator = rest.IndexOf("_.", StringComparison.Ordinal);
                if (separator < 0)
                {
                    return false;
                }

                rest = rest[(separator + 2)..];
            }

            host = rest;
            return host.Length > 0;
        }

        if (name.Count('|') != 3)
        {
            return false;
        }

        host = name[(name.LastIndexOf('|') + 1)..];
        return host.Length > 0;
    }
}
