namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>
/// One mirror target: an entry of <c>mirrors</c>, or the legacy <c>mirror</c> with <c>mirrorPercentage</c> (the double
/// <see cref="Percentage"/>) or <c>mirrorPercent</c> (the integer <see cref="LegacyPercent"/>). Neither set mirrors
/// everything; an explicit 0 mirrors nothing.
/// </summary>
public sealed record HttpMirrorPolicy(Destination Destination, double? Percentage = null, int? LegacyPercent = null);
