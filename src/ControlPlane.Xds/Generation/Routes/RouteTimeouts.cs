namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Route.V3;

/// <summary>
/// <c>setTimeout</c>: the VirtualService timeout or none (0s disables Envoy's 15s default), mirrored into
/// <c>max_grpc_timeout</c> so gRPC deadlines are capped the same way.
/// </summary>
internal static class RouteTimeouts
{
    public static void Apply(RouteAction action, TimeSpan? timeout)
    {
        var value = timeout is { } t ? EnvoyProto.Duration(t) : EnvoyProto.Zero();
        action.Timeout = value;

        // istiod keeps the deprecated field: its replacement (max_stream_duration) had regressions for sidecars.
#pragma warning disable CS0612
        action.MaxGrpcTimeout = value.Clone();
#pragma warning restore CS0612
    }
}
