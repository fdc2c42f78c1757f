namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio RegexRewrite: the path is rewritten by replacing what <see cref="Match"/> (RE2) matches with <see cref="Rewrite"/>.</summary>
public sealed record RegexRewrite(string Match, string Rewrite);
