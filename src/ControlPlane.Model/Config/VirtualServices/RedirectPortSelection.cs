namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio HTTPRedirect.RedirectPortSelection (<c>derivePort</c>).</summary>
public enum RedirectPortSelection
{
    /// <summary>No port in the Location: the scheme's default (80 for http, 443 for https).</summary>
    FromProtocolDefault,

    /// <summary>The port the request arrived on, which for generated routes is the listener's port.</summary>
    FromRequestPort,
}
