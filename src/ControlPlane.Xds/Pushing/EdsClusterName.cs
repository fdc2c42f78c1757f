namespace ControlPlane.Xds.Pushing;

/// <summary>Reads the host out of an Istio cluster / EDS service name <c>direction|port|subset|host</c>.</summary>
internal static class EdsClusterName
{
    public static bool TryGetHost(string clusterName, out string host)
    {
        host = "";
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
