namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio HTTPRewrite: path prefix (or regex) and/or authority rewrite. <see cref="Uri"/> and <see cref="UriRegexRewrite"/> are exclusive.</summary>
public sealed record HttpRewrite(string Uri, string Authority)
{
    public RegexRewrite? UriRegexRewrite { get; init; }
}
