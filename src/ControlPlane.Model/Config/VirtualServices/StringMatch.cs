namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio StringMatch: exactly one of exact, prefix or regex (RE2).</summary>
public sealed record StringMatch(StringMatchKind MatchKind, string Value);
