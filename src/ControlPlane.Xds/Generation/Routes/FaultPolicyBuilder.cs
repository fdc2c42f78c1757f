namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Config.VirtualServices;
using Envoy.Extensions.Filters.Common.Fault.V3;
using Envoy.Extensions.Filters.Http.Fault.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// <c>TranslateFault</c>: the per-route <c>envoy.filters.http.fault</c> config. A delay carries its percentage (the
/// legacy integer percent, 0 by default, when no <c>percentage</c> is given) and only a fixed delay; an abort carries
/// its HTTP or gRPC status and its percentage only when one is given (Envoy then aborts nothing).
/// </summary>
internal static class FaultPolicyBuilder
{
    /// <summary>
    /// The config for a rule's fault. When neither part survives istiod still attaches the config, as an empty
    /// <c>HTTPFault</c> (its nil result packed), so this returns an empty message rather than nothing.
    /// </summary>
    public static HTTPFault Build(HttpFaultInjection fault)
    {
        var result = new HTTPFault();
        if (fault.Delay is { FixedDelay: { } fixedDelay } delay)
        {
            result.Delay = new FaultDelay
            {
                FixedDelay = Duration.FromTimeSpan(fixedDelay),
                Percentage = delay.Percentage is { } percent
                    ? FractionalPercents.FromPercent(percent)
                    : FractionalPercents.FromInteger(delay.LegacyPercent),
            };
        }

        if (fault.Abort is { } abort && (abort.HttpStatus is not null || abort.GrpcStatus is not null))
        {
            var faultAbort = new FaultAbort();
            if (abort.Percentage is { } percent)
            {
                faultAbort.Percentage = FractionalPercents.FromPercent(percent);
            }

            if (abort.HttpStatus is { } httpStatus)
            {
                faultAbort.HttpStatus = (uint)httpStatus;
            }
            else
            {
                faultAbort.GrpcStatus = (uint)abort.GrpcStatus!.Value;
            }

            result.Abort = faultAbort;
        }

        return result;
    }
}
