namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Scoping;

/// <summary>
/// <c>SidecarScope.GetEgressListenerForRDS</c>: the egress listener declared on the route's port, else the catch-all
/// (portless) one. Sniffed route names (<c>host:port</c>) only come from the catch-all listener.
/// </summary>
internal static class EgressListenerSelector
{
    public static EgressListenerScope? For(SidecarScope scope, int port, bool sniffed)
    {
        if (!sniffed)
        {
            foreach (var listener in scope.EgressListeners)
            {
                if (listener.Listener?.Port is { } declared && declared.Number == port && listener.Listener.Bind.Length == 0)
                {
                    return listener;
                }
            }
        }

        return scope.EgressListeners.LastOrDefault(l => l.Listener?.Port is null);
    }
}
