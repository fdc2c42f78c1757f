namespace ControlPlane.Xds.Generation.Proxyless;

using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Xds.Generation.Routes;
using Envoy.Extensions.Filters.Http.Fault.V3;
using Envoy.Type.V3;

/// <summary>
/// The per-route fault config for gRPC clients (gRFC A33, on by default in grpc-js-xds 1.14.1): istiod's translation,
/// except that an abort without a percentage gets an explicit 0%. Envoy reads the unset percentage as 0% anyway, but
/// gRPC rejects an abort without one, which would NACK the whole route configuration.
/// </summary>
internal static class ProxylessFaultBuilder
{
    public static HTTPFault Build(HttpFaultInjection fault)
    {
        var result = FaultPolicyBuilder.Build(fault);
        if (result.Abort is { Percentage: null } abort)
        {
            abort.Percentage = new FractionalPercent { Numerator = 0, Denominator = FractionalPercent.Types.DenominatorType.Hundred };
        }

        return result;
    }
}
