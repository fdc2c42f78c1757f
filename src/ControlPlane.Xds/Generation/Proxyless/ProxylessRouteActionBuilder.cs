namespace ControlPlane.Xds.Generation.Proxyless;

using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Hosts;
using Envoy.Config.Route.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// The <c>route</c> action of one VirtualService rule for gRPC: one destination becomes <c>cluster</c>, several become
/// <c>weighted_clusters</c> with the weights as written (zero weights dropped, as istiod does; grpc-js 1.14.1 divides by
/// their sum). Cluster names follow istiod's <c>GetDestinationCluster</c>: the destination port, else the destination
/// service's only port, else the port being routed. The timeout goes to <c>max_stream_duration.max_stream_duration</c>,
/// the field gRPC reads (gRFC A31) and the only one istiod's <c>setTimeout</c> sets for proxyless clients (0s, no limit,
/// without a timeout); a consistent-hash header of the destinations' DestinationRule becomes a header hash policy (A42).
/// Every route carries the retry policy istiod would give it (<see cref="ProxylessRetryPolicyBuilder"/>).
/// </summary>
internal static class ProxylessRouteActionBuilder
{
    /// <summary>The action, or null with <paramref name="skipReason"/> when the rule cannot be expressed for gRPC.</summary>
    public static RouteAction? Build(GenerationContext context, string vsNamespace, HttpRoute rule, int routePort, out string skipReason)
    {
        skipReason = "";
        var destinations = rule.Route.Length == 1 ? rule.Route : [.. rule.Route.Where(d => d.Weight > 0)];
        if (destinations.IsEmpty)
        {
            skipReason = rule.Route.IsEmpty ? "no route destinations" : "destination weights sum to zero";
            return null;
        }

        var targets = destinations.Select(d => Resolve(context, vsNamespace, d.Destination, routePort)).ToArray();
        var action = new RouteAction();
        if (targets.Length == 1)
        {
            action.Cluster = targets[0].Cluster;
        }
        else
        {
            action.WeightedClusters = new WeightedCluster();
            for (var i = 0; i < targets.Length; i++)
            {
                action.WeightedClusters.Clusters.Add(new WeightedCluster.Types.ClusterWeight
                {
                    Name = targets[i].Cluster,
                    Weight = (uint)destinations[i].Weight,
                });
            }
        }

        action.MaxStreamDuration = new RouteAction.Types.MaxStreamDuration
        {
            MaxStreamDuration_ = Duration.FromTimeSpan(rule.Timeout ?? TimeSpan.Zero),
        };

        action.RetryPolicy = ProxylessRetryPolicyBuilder.Build(rule.Retries);
        if (SharedHashHeader(targets) is { } header)
        {
            action.HashPolicy.Add(new RouteAction.Types.HashPolicy { Header = new RouteAction.Types.HashPolicy.Types.Header { HeaderName = header } });
        }

        return action;
    }

    /// <summary>
    /// The default route's action: the service port's default cluster, its DestinationRule's hash header and istiod's
    /// default retry policy. Like istiod's default route it has no <c>max_stream_duration</c>.
    /// </summary>
    public static RouteAction Default(GenerationContext context, ListenerTarget target)
    {
        var resolved = Resolve(context, target.Service.Namespace, new Destination(target.Service.Hostname, "", target.Port.Port), target.Port.Port);
        var action = new RouteAction { Cluster = resolved.Cluster, RetryPolicy = ProxylessRetryPolicyBuilder.Build(null) };
        if (resolved.HashHeader is { } header)
        {
            action.HashPolicy.Add(new RouteAction.Types.HashPolicy { Header = new RouteAction.Types.HashPolicy.Types.Header { HeaderName = header } });
        }

        return action;
    }

    private static ResolvedDestination Resolve(GenerationContext context, string vsNamespace, Destination destination, int routePort)
    {
        var host = HostName.Resolve(destination.Host, vsNamespace, context.Push.Mesh.DomainSuffix);
        var service = ScopedServiceLookup.Find(context, host);
        var port = destination.Port != 0 ? destination.Port
            : service is { Ports.Length: 1 } ? service.Ports[0].Port
            : routePort;
        var cluster = new OutboundResourceName(port, destination.Subset, service?.Hostname ?? host).ToString();
        var rule = service is null ? null : context.Scope.DestinationRuleFor(service)?.Config;
        var hash = EffectiveTrafficPolicy.Resolve(rule, port, destination.Subset).LoadBalancer?.ConsistentHash?.HttpHeaderName;
        return new ResolvedDestination(cluster, string.IsNullOrEmpty(hash) ? null : hash);
    }

    // A route hashes one way for all its clusters, so a header policy is set only when every destination agrees on it.
    private static string? SharedHashHeader(ResolvedDestination[] targets)
    {
        var first = targets[0].HashHeader;
        return first is not null && targets.All(t => t.HashHeader == first) ? first : null;
    }

    private readonly record struct ResolvedDestination(string Cluster, string? HashHeader);
}
