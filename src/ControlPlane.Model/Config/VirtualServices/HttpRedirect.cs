namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio HTTPRedirect (redirectCode 0 means 301).</summary>
public sealed record HttpRedirect(string Uri, string Authority, int RedirectCode)
{
    public string Scheme { get; init; } = "";

    public int Port { get; init; }
}
