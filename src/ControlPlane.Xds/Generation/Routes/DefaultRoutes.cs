namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Route.V3;

/// <summary>Routes istiod builds without a VirtualService (<c>route.go</c>, <c>buildCatchAllVirtualHost</c>).</summary>
internal static class DefaultRoutes
{
    /// <summary>
    /// <c>BuildDefaultHTTPOutboundRoute</c>: everything to the service's default cluster, no timeout (Envoy's default is
    /// 15s), the default retry policy, and the rule's hash policy if any.
    /// </summary>
    public static Route Outbound(string cluster, string operation, RouteAction.Types.HashPolicy? hashPolicy)
    {
        var action = new RouteAction
        {
            Cluster = cluster,
            RetryPolicy = RetryPolicyBuilder.Build(null, consistentHash: false),
        };
        RouteTimeouts.Apply(action, null);
        if (hashPolicy is not null)
        {
            action.HashPolicy.Add(hashPolicy);
        }

        return new Route
        {
            Name = EnvoyNames.DefaultRoute,
            Match = RouteMatchBuilder.Build(null),
            Decorator = new Decorator { Operation = operation },
            Route_ = action,
        };
    }

    /// <summary>
    /// <c>BuildDefaultHTTPInboundRoute</c>: to the inbound cluster with no timeout and no gRPC deadline cap; retries only
    /// resets before the request reached the app (never for gRPC ports).
    /// </summary>
    public static Route Inbound(string cluster, string operation, Protocol protocol)
    {
        var action = new RouteAction
        {
            Cluster = cluster,
            Timeout = EnvoyProto.Zero(),
            MaxStreamDuration = new RouteAction.Types.MaxStreamDuration
            {
                MaxStreamDuration_ = EnvoyProto.Zero(),
                GrpcTimeoutHeaderMax = EnvoyProto.Zero(),
            },
        };
        if (!Protocols.IsGrpc(protocol))
        {
            action.RetryPolicy = new RetryPolicy { RetryOn = "reset-before-request", NumRetries = 2 };
        }

        return new Route
        {
            Name = EnvoyNames.DefaultRoute,
            Match = RouteMatchBuilder.Build(null),
            Decorator = new Decorator { Operation = operation },
            Route_ = action,
        };
    }

    /// <summary>
    /// The last virtual host of per-port route configurations: <c>allow_any</c> or <c>block_all</c> (502). ALLOW_ANY routes
    /// to <paramref name="allowAnyCluster"/>: PassthroughCluster, or the Sidecar's egress proxy cluster.
    /// </summary>
    public static VirtualHost CatchAll(OutboundTrafficPolicyMode mode, string allowAnyCluster = EnvoyNames.PassthroughCluster)
    {
        if (mode == OutboundTrafficPolicyMode.AllowAny)
        {
            var host = new VirtualHost { Name = EnvoyNames.AllowAnyRoute, IncludeRequestAttemptCount = true };
            host.Domains.Add("*");
            var action = new RouteAction { Cluster = allowAnyCluster };
            RouteTimeouts.Apply(action, null);
            host.Routes.Add(new Route { Name = EnvoyNames.AllowAnyRoute, Match = new RouteMatch { Prefix = "/" }, Route_ = action });
            return host;
        }

        var blocked = new VirtualHost { Name = EnvoyNames.BlockAllRoute, IncludeRequestAttemptCount = true };
        blocked.Domains.Add("*");
        blocked.Routes.Add(new Route
        {
            Name = EnvoyNames.BlockAllRoute,
            Match = new RouteMatch { Prefix = "/" },
            DirectResponse = new DirectResponseAction { Status = 502 },
        });
        return blocked;
    }

    /// <summary><c>telemetry.TraceOperation</c>: <c>host:port/*</c>.</summary>
    public static string TraceOperation(string host, int port) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{host}:{port}/*");
}
