namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Config.VirtualServices;
using Envoy.Config.Core.V3;
using Envoy.Config.Route.V3;

/// <summary>
/// <c>MirrorPercent</c> / <c>MirrorPercentByPolicy</c> and <c>TranslateRequestMirrorPolicy</c>: each mirror becomes a
/// request mirror policy to the destination's cluster (named as route destinations are), mirroring 100% by default,
/// never trace-sampled; an explicit 0% drops the mirror.
/// </summary>
internal static class MirrorPolicyBuilder
{
    public static void Apply(RouteDestinationContext context, HttpRoute http, RouteAction action)
    {
        foreach (var mirror in http.Mirrors)
        {
            if (Fraction(mirror) is not { } fraction)
            {
                continue;
            }

            var fqdn = RouteActionBuilder.Resolve(context, mirror.Destination.Host);
            action.RequestMirrorPolicies.Add(new RouteAction.Types.RequestMirrorPolicy
            {
                Cluster = DestinationClusters.For(mirror.Destination, fqdn, context.ServicesByHost.GetValueOrDefault(fqdn), context.ListenerPort),
                RuntimeFraction = fraction,
                TraceSampled = false,
            });
        }
    }

    private static RuntimeFractionalPercent? Fraction(HttpMirrorPolicy mirror) =>
        mirror.Percentage is { } percent ? percent > 0 ? new() { DefaultValue = FractionalPercents.FromPercent(percent) } : null
        : mirror.LegacyPercent is { } legacy ? legacy > 0 ? new() { DefaultValue = FractionalPercents.FromInteger(legacy) } : null
        : new() { DefaultValue = FractionalPercents.FromInteger(100) };
}
