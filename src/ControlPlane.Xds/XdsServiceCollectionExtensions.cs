namespace Microsoft.Extensions.DependencyInjection;

using ControlPlane.Xds;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Generation.Caching;
using ControlPlane.Xds.Metrics;
using ControlPlane.Xds.Pushing;
using ControlPlane.Xds.Serving;
using ControlPlane.Xds.Status;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prometheus;

/// <summary>Registers and maps the ADS server and push pipeline.</summary>
public static class XdsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the ADS service (SotW and delta), the push scheduler (subscribed on start to the host's
    /// <c>ControlPlane.Model.State.MeshStore</c> singleton, which the host registers), <see cref="IXdsStatus"/> and the
    /// xDS metrics. The host must also register the generator selector. Metrics go to a <see cref="CollectorRegistry"/>
    /// registered before this call, else to prometheus-net's default registry. A <see cref="TimeProvider"/> registered
    /// before this call is used, else the system clock. Options are validated on start.
    /// </summary>
    public static IServiceCollection AddXds(this IServiceCollection services, Action<XdsOptions>? configure = null)
    {
        var options = services.AddOptions<XdsOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateDataAnnotations().ValidateOnStart();

        // Per-service limits, so the host's other gRPC services (e.g. a CA) keep their own; AddServiceOptions also makes the
        // service inherit the host's global gRPC options first.
        services.AddGrpc().AddServiceOptions<AdsService>(_ => { });
        services.AddOptions<GrpcServiceOptions<AdsService>>().Configure<IOptions<XdsOptions>>((grpc, xds) =>
        {
            grpc.MaxReceiveMessageSize = xds.Value.MaxReceiveMessageSize;
            grpc.MaxSendMessageSize = xds.Value.MaxSendMessageSize;
        });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => Metrics.DefaultRegistry);
        services.TryAddSingleton<XdsMetrics>();

        services.TryAddSingleton<Debouncer>();
        services.TryAddSingleton<PushThrottle>();
        services.TryAddSingleton<PushContextHolder>();
        services.TryAddSingleton<ConnectionRegistry>();
        services.TryAddSingleton<IPushTargetSource>(sp => sp.GetRequiredService<ConnectionRegistry>());
        services.TryAddSingleton<PushScheduler>();
        services.AddHostedService<PushSchedulerHostedService>();

        services.TryAddSingleton<VersionSource>();
        services.TryAddSingleton<StreamTelemetry>();
        services.TryAddSingleton(sp =>
        {
            var xds = sp.GetRequiredService<IOptions<XdsOptions>>().Value;
            var options = new ResourceCacheOptions(xds.EnableResourceCache, xds.ResourceCacheSize, xds.ResourceCacheIdleTimeout);
            return new ResourceCaches(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<XdsMetrics>());
        });
        services.TryAddSingleton<ResourceSource>();
        services.TryAddSingleton<ConnectionRunner>();
        services.TryAddSingleton<SotwResponder>();
        services.TryAddSingleton<DebugResponder>();
        services.TryAddSingleton<DeltaResponder>();
        services.TryAddSingleton<SotwStreamHandler>();
        services.TryAddSingleton<DeltaStreamHandler>();
        services.TryAddSingleton<AdsService>();

        services.TryAddSingleton<ConfigDumpBuilder>();
        services.TryAddSingleton<IXdsStatus, XdsStatus>();
        return services;
    }

    /// <summary>Maps envoy.service.discovery.v3.AggregatedDiscoveryService (StreamAggregatedResources, DeltaAggregatedResources).</summary>
    public static GrpcServiceEndpointConventionBuilder MapXds(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGrpcService<AdsService>();
}
