namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio HTTPRedirect (redirectCode 0 means 301). <see cref="Port"/> and <see cref="DerivePort"/> are exclusive.</summary>
public sealed record HttpRedirect(string Uri, string Authority, int RedirectCode)
{
    public string Scheme { get; init; } = "";

    public int Port { get; init; }

    public RedirectPortSelection? DerivePort { get; init; }
}
