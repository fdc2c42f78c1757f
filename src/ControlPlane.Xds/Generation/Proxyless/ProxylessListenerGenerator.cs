namespace ControlPlane.Xds.Generation.Proxyless;

using System.Collections.Immutable;
using ControlPlane.Model.Pushing;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// LDS for proxyless gRPC (istiod's grpcgen shape). A client watches its dial target <c>host:port</c> and gets an
/// API listener whose HCM points at RDS <c>outbound|port||fqdn</c>; the listener keeps the requested name, so short
/// forms (<c>name.ns</c>) work. An <c>XdsServer</c> watches <c>xds.istio.io/grpc/lds/inbound/IP:port</c> and gets a
/// server listener (<see cref="ProxylessInboundListenerBuilder"/>). Names that resolve to nothing visible are left out:
/// the client then reports the target as unresolved after its does-not-exist timer.
/// </summary>
internal sealed class ProxylessListenerGenerator : IResourceGenerator
{
    public string TypeUrl => TypeUrls.Listener;

    public bool IsAffectedBy(PushRequest request) => request.Full;

    public GeneratedResources Generate(GenerationContext context)
    {
        var names = context.Watched.Wildcard ? AllClientListenerNames(context) : context.Watched.Names;
        var resources = ImmutableArray.CreateBuilder<NamedResource>();
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            var listener = name.StartsWith(ProxylessInboundListenerBuilder.NamePrefix, StringComparison.Ordinal)
                ? ProxylessInboundListenerBuilder.Build(name)
                : BuildClient(context, name);
            if (listener is not null)
            {
                resources.Add(new NamedResource(name, Any.Pack(listener)));
            }
        }

        return new GeneratedResources(resources.ToImmutable());
    }

    /// <summary>The client listener for <paramref name="name"/>, or null when it names no visible service port.</summary>
    internal static Listener? BuildClient(GenerationContext context, string name)
    {
        if (ListenerTargetResolver.Resolve(context, name) is not { } target)
        {
            return null;
        }

        var hcm = new HttpConnectionManager
        {
            Rds = new Rds
            {
                RouteConfigName = target.RouteName,
                ConfigSource = new ConfigSource { Ads = new AggregatedConfigSource(), ResourceApiVersion = ApiVersion.V3 },
            },
        };
        hcm.HttpFilters.Add(ProxylessHttpFilters.Client());

        // gRPC rejects client listeners with listener_filters or use_original_dst; an address is not needed.
        return new Listener { Name = name, ApiListener = new ApiListener { ApiListener_ = Any.Pack(hcm) } };
    }

    // A wildcard subscription (not something grpc-js sends) gets every visible service port under its FQDN name.
    private static IEnumerable<string> AllClientListenerNames(GenerationContext context) =>
        context.Scope.Services.SelectMany(s => s.Ports.Select(p => $"{s.Hostname}:{p.Port}")).Distinct(StringComparer.Ordinal);
}
