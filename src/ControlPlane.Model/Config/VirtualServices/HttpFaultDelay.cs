namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>
/// Istio HTTPFaultInjection.Delay. <see cref="FixedDelay"/> is null when the rule names no fixed delay (only
/// <c>exponentialDelay</c>, which istiod does not implement): istiod then drops the delay. <see cref="Percentage"/> (the
/// <c>percentage.value</c> double) wins over the legacy integer <see cref="LegacyPercent"/>, which defaults to 0.
/// </summary>
public sealed record HttpFaultDelay(TimeSpan? FixedDelay, double? Percentage, int LegacyPercent = 0);
