namespace ControlPlane.Xds.Metrics;

using System.Collections.Concurrent;
using ControlPlane.Model.Push;
using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation.Caching;
using Prometheus;

/// <summary>
/// istiod's xDS metrics under istiod's exact names (<c>pkg/xds/monitoring.go</c>, <c>pilot/pkg/xds/monitoring.go</c>):
/// counters carry no <c>_total</c> suffix in the name, as istiod exports them. One instance per host, bound to the
/// <see cref="CollectorRegistry"/> the host registers (the process-wide default otherwise); creating the same metric
/// twice in one registry returns the existing collector, so several hosts in one process do not clash. Thread-safe.
/// </summary>
internal sealed class XdsMetrics : IResourceCacheMetrics
{
    private static readonly double[] PushTimeBuckets = [.01, .1, .5, 1, 3, 5, 10, 20, 30];
    private static readonly double[] SendTimeBuckets = [.01, .1, 1, 3, 5, 10, 20, 30];
    private static readonly double[] ConvergenceBuckets = [.1, .5, 1, 3, 5, 10, 20, 30];
    private static readonly double[] InitBuckets = [.01, .1, .5, 1, 3, 5];
    private static readonly double[] SizeBuckets = [1, 10000, 1000000, 4000000, 10000000, 40000000];

    private readonly Counter pushes;
    private readonly Histogram pushTime;
    private readonly Histogram sendTime;
    private readonly Histogram configSize;
    private readonly Gauge connected;
    private readonly Counter rejects;
    private readonly Gauge cdsReject;
    private readonly Gauge edsReject;
    private readonly Gauge ldsReject;
    private readonly Gauge rdsReject;
    private readonly Counter expiredNonce;
    private readonly Counter writeTimeout;
    private readonly Counter internalErrors;
    private readonly Histogram convergence;
    private readonly Histogram queueTime;
    private readonly Histogram debounceTime;
    private readonly Histogram pushContextInit;
    private readonly Counter triggers;
    private readonly Gauge services;
    private readonly Gauge virtualServices;
    private readonly Counter cacheEvictions;
    private readonly Counter.Child cacheHits;
    private readonly Counter.Child cacheMisses;

    // Labelled children by type URL: resolving labels on every response showed up in profiles under load.
    private readonly ConcurrentDictionary<string, PushSeries> pushSeries = new(StringComparer.Ordinal);

    public XdsMetrics(CollectorRegistry registry)
    {
        var f = Prometheus.Metrics.WithCustomRegistry(registry);
        pushes = f.CreateCounter("pilot_xds_pushes", "Pilot build and send errors for lds, rds, cds and eds.", Labels("type"));
        pushTime = Histogram(f, "pilot_xds_push_time", "Total time in seconds Pilot takes to push lds, rds, cds and eds.", PushTimeBuckets, "type");
        sendTime = Histogram(f, "pilot_xds_send_time", "Total time in seconds Pilot takes to send generated configuration.", SendTimeBuckets);
        configSize = Histogram(f, "pilot_xds_config_size_bytes", "Distribution of configuration sizes pushed to clients", SizeBuckets, "type");
        connected = f.CreateGauge("pilot_xds", "Number of endpoints connected to this pilot using XDS.", new GaugeConfiguration { LabelNames = ["version"] });
        rejects = f.CreateCounter("pilot_total_xds_rejects", "Total number of XDS responses from pilot rejected by proxy.", Labels("type"));
        cdsReject = f.CreateGauge("pilot_xds_cds_reject", "Pilot rejected CDS configs.");
        edsReject = f.CreateGauge("pilot_xds_eds_reject", "Pilot rejected EDS.");
        ldsReject = f.CreateGauge("pilot_xds_lds_reject", "Pilot rejected LDS.");
        rdsReject = f.CreateGauge("pilot_xds_rds_reject", "Pilot rejected RDS.");
        expiredNonce = f.CreateCounter("pilot_xds_expired_nonce", "Total number of XDS requests with an expired nonce.", Labels("type"));
        writeTimeout = f.CreateCounter("pilot_xds_write_timeout", "Pilot XDS response write timeouts.");
        internalErrors = f.CreateCounter("pilot_total_xds_internal_errors", "Total number of internal XDS errors in pilot.");
        convergence = Histogram(f, "pilot_proxy_convergence_time", "Delay in seconds between config change and a proxy receiving all required configuration.", ConvergenceBuckets);
        queueTime = Histogram(f, "pilot_proxy_queue_time", "Time in seconds, a proxy is in the push queue before being dequeued.", ConvergenceBuckets);
        debounceTime = Histogram(f, "pilot_debounce_time", "Delay in seconds between the first config enters debouncing and the merged push request is pushed into the push queue.", PushTimeBuckets);
        pushContextInit = Histogram(f, "pilot_pushcontext_init_seconds", "Total time in seconds Pilot takes to init pushContext.", InitBuckets);
        triggers = f.CreateCounter("pilot_push_triggers", "Total number of times a push was triggered, labeled by reason for the push.", Labels("type"));
        services = f.CreateGauge("pilot_services", "Total services known to pilot.");
        virtualServices = f.CreateGauge("pilot_virt_services", "Total virtual services known to pilot.");
        var cacheReads = f.CreateCounter("xds_cache_reads", "Total number of xds cache xdsCacheReads.", Labels("type"));
        cacheHits = cacheReads.WithLabels("hit");
        cacheMisses = cacheReads.WithLabels("miss");
        cacheEvictions = f.CreateCounter("xds_cache_evictions", "Total number of xds cache evictions.", Labels("type"));
    }

    public void Pushed(string typeUrl, double seconds, long bytes)
    {
        var series = pushSeries.GetOrAdd(typeUrl, static (t, m) => new PushSeries(
            m.pushes.WithLabels(TypeUrls.ShortName(t)), m.pushTime.WithLabels(TypeUrls.ShortName(t)), m.configSize.WithLabels(t)), this);
        series.Pushes.Inc();
        series.PushTime.Observe(seconds);
        series.ConfigSize.Observe(bytes);
    }

    /// <summary>A send failed: istiod counts these under <c>pilot_xds_pushes{type="cds_senderr"}</c>.</summary>
    public void SendFailed(string typeUrl) => pushes.WithLabels(TypeUrls.ShortName(typeUrl) + "_senderr").Inc();

    public void SendTime(double seconds) => sendTime.Observe(seconds);

    public void Connected(string istioVersion) => connected.WithLabels(istioVersion).Inc();

    public void Disconnected(string istioVersion) => connected.WithLabels(istioVersion).Dec();

    public void Rejected(string typeUrl) => rejects.WithLabels(TypeUrls.ShortName(typeUrl)).Inc();

    /// <summary>A proxy started (+1) or stopped (-1) rejecting the latest response of a type.</summary>
    public void NackingChanged(string typeUrl, int delta) => RejectGauge(typeUrl)?.Inc(delta);

    public void ExpiredNonce(string typeUrl) => expiredNonce.WithLabels(TypeUrls.ShortName(typeUrl)).Inc();

    public void WriteTimeout() => writeTimeout.Inc();

    public void InternalError() => internalErrors.Inc();

    public void Converged(double seconds) => convergence.Observe(Math.Max(0, seconds));

    public void Queued(double seconds) => queueTime.Observe(Math.Max(0, seconds));

    public void Debounced(double seconds) => debounceTime.Observe(Math.Max(0, seconds));

    public void PushContextBuilt(double seconds) => pushContextInit.Observe(seconds);

    /// <summary>istiod sets <c>pilot_services</c> and <c>pilot_virt_services</c> from each push context it builds.</summary>
    public void MeshSize(PushContext context)
    {
        services.Set(context.Services.All.Length);
        virtualServices.Set(context.VirtualServices.Configured);
    }

    /// <summary>istiod's <c>xds_cache_reads{type="hit"|"miss"}</c> (istiod exports it only with cache stats on).</summary>
    public void CacheRead(bool hit) => (hit ? cacheHits : cacheMisses).Inc();

    /// <summary>
    /// <c>xds_cache_evictions</c>: <c>size</c> for capacity evictions as istiod; idle entries (superseded inputs, which
    /// istiod removes by clearing on config change) under <c>clear</c>.
    /// </summary>
    public void CacheEvicted(int idle, int overCapacity)
    {
        cacheEvictions.WithLabels("clear").Inc(idle);
        cacheEvictions.WithLabels("size").Inc(overCapacity);
    }

    public void Triggered(PushRequest request)
    {
        foreach (var (reason, count) in request.Reasons)
        {
            triggers.WithLabels(ReasonLabel(reason)).Inc(count);
        }
    }

    /// <summary>istiod's <c>model.TriggerReason</c> strings.</summary>
    public static string ReasonLabel(PushReason reason) => reason switch
    {
        PushReason.EndpointUpdate => "endpoint",
        PushReason.ConfigUpdate => "config",
        PushReason.ServiceUpdate => "service",
        PushReason.ProxyUpdate => "proxy",
        PushReason.GlobalUpdate => "global",
        PushReason.DebugTrigger => "debug",
        PushReason.SecretTrigger => "secret",
        PushReason.NetworksTrigger => "networks",
        PushReason.ProxyRequest => "proxyrequest",
        PushReason.NamespaceUpdate => "namespace",
        PushReason.ClusterUpdate => "cluster",
        _ => "unknown",
    };

    private Gauge? RejectGauge(string typeUrl) => typeUrl switch
    {
        TypeUrls.Cluster => cdsReject,
        TypeUrls.Endpoint => edsReject,
        TypeUrls.Listener => ldsReject,
        TypeUrls.Route => rdsReject,
        _ => null,
    };

    private static CounterConfiguration Labels(string label) => new() { LabelNames = [label] };

    private static Histogram Histogram(IMetricFactory f, string name, string help, double[] buckets, params string[] labels) =>
        f.CreateHistogram(name, help, new HistogramConfiguration { Buckets = buckets, LabelNames = labels });

    private sealed record PushSeries(Counter.Child Pushes, Histogram.Child PushTime, Histogram.Child ConfigSize);
}
