namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>A route target: host (short or FQDN), optional subset and port (0 = the service's only port / the matched port).</summary>
public sealed record Destination(string Host, string Subset = "", int Port = 0);
