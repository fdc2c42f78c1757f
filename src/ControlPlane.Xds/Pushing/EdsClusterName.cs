namespace ControlPlane.Xds.Pushing;

/// <summary>Reads the host out of an Istio cluster / EDS service name <c>direction|port|subset|host</c> (or its <c>outbound_.</c> SNI form).</summary>
internal static class EdsClusterName
{
    public static bool TryGetHost(string clusterName, out string host)
    {
        host = "";

        // SNI-DNAT clusters of AUTO_PASSTHROUGH gateways: outbound_.<port>_.<subset>_.<host>.
        if (clusterName.StartsWith("outbound_.", StringComparison.Ordinal))
        {
            var parts = clusterName.Split("_.", 4);
            host = parts.Length == 4 ? parts[3] : "";
            return host.Length > 0;
        }

        var span = clusterName.AsSpan();
        if (span.Count('|') != 3)
        {
            return false;
        }

        var last = span.LastIndexOf('|');
        if (last == span.Length - 1)
        {
            return false;
        }

        host = clusterName[(last + 1)..];
        return true;
    }
}
