namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Scoping;

/// <summary>
/// <c>SidecarScope.GetEgressListenerForRDS</c>: the first egress listener declared on the route's port (for port 0, a
/// Unix domain socket, the one whose bind is the route name), else the catch-all (portless) one, which validation keeps
/// last. Sniffed route names (<c>host:port</c>) are looked up by their port the same way.
/// </summary>
internal static class EgressListenerSelector
{
    public static EgressListenerScope? For(SidecarScope scope, int port, string routeName)
    {
        foreach (var listener in scope.EgressListeners)
        {
            if (listener.Listener?.Port is not { } declared)
            {
                return listener;
            }

            if (declared.Number == port && (port != 0 || listener.Listener.Bind == routeName))
            {
                return listener;
            }
        }

        return null;
    }
}
