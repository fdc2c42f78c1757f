namespace ControlPlane.Xds.Generation.Routes;

using Envoy.Config.Core.V3;

/// <summary>Header operations in Envoy terms, plus the authority rewrite they imply (empty when none).</summary>
internal sealed record TranslatedHeaders(
    IReadOnlyList<HeaderValueOption> RequestToAdd,
    IReadOnlyList<HeaderValueOption> ResponseToAdd,
    IReadOnlyList<string> RequestToRemove,
    IReadOnlyList<string> ResponseToRemove,
    string Authority);
