namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio HTTPFaultInjection: a delay, an abort, or both, each applied independently to a share of requests.</summary>
public sealed record HttpFaultInjection(HttpFaultDelay? Delay, HttpFaultAbort? Abort);
