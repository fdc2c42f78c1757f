namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>
/// Istio HTTPFaultInjection.Abort: an HTTP status or a gRPC status code (the name already mapped to its number), and
/// the share of requests aborted. Neither status set means istiod drops the abort.
/// </summary>
public sealed record HttpFaultAbort(int? HttpStatus, int? GrpcStatus, double? Percentage);
