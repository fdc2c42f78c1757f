namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio HTTPRewrite: path prefix and/or authority rewrite.</summary>
public sealed record HttpRewrite(string Uri, string Authority);
