namespace ControlPlane.Xds;

using System.ComponentModel.DataAnnotations;

/// <summary>
/// Settings of the ADS server and push pipeline. Defaults follow istiod (<c>PILOT_DEBOUNCE_AFTER</c>,
/// <c>PILOT_DEBOUNCE_MAX</c>, <c>PILOT_PUSH_THROTTLE</c>, <c>ISTIO_GPRC_MAXRECVMSGSIZE</c>). Validated on start.
/// </summary>
public sealed class XdsOptions : IValidatableObject
{
    /// <summary>Quiet period: a merged push is released once no change arrived for this long.</summary>
    public TimeSpan DebounceAfter { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Upper bound on how long the first change of a batch may wait, however busy the sources are.</summary>
    public TimeSpan DebounceMax { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Upper bound for a batch holding only endpoint changes. istiod applies <see cref="DebounceMax"/> to these too, so
    /// steady endpoint churn (changes closer together than the quiet period) holds every EDS update for up to 10 s; here
    /// an endpoint-only batch is released within this bound. A batch that also holds a config change waits as usual.
    /// </summary>
    public TimeSpan EndpointDebounceMax { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How many connections may be generating and sending a push at the same time.</summary>
    public int PushConcurrency { get; set; } = 100;

    /// <summary>
    /// How long one response write may take before the connection counts as stuck and is closed; the proxy reconnects
    /// and resyncs. Must be positive.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest request a proxy may send (istiod: 4 MiB).</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response the server sends; null means unlimited (a big mesh's CDS can exceed any fixed figure).</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Requests buffered per stream before the server stops reading (HTTP/2 flow control then slows the proxy).</summary>
    public int RequestBufferSize { get; set; } = 16;

    /// <summary>
    /// Whether generated clusters and endpoint assignments are cached and shared across proxies whose inputs are the same
    /// (istiod: <c>PILOT_ENABLE_XDS_CACHE</c>, default on).
    /// </summary>
    public bool EnableResourceCache { get; set; } = true;

    /// <summary>Entries per cache (istiod: <c>PILOT_XDS_CACHE_SIZE</c>, 60,000); above it the least recently used go.</summary>
    public int ResourceCacheSize { get; set; } = 60_000;

    /// <summary>An entry no proxy has read for this long is dropped, so superseded inputs do not hold memory.</summary>
    public TimeSpan ResourceCacheIdleTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// This instance's id in the ControlPlane identifier of <c>istio.io/debug/*</c> responses (istioctl keys its results by
    /// it). Defaults to the host name, which is the pod name in Kubernetes.
    /// </summary>
    public string ControlPlaneId { get; set; } = Environment.MachineName;

    /// <summary>The version reported in that identifier (istioctl version shows it).</summary>
    public string ControlPlaneVersion { get; set; } =
        typeof(XdsOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The problems with these settings (checked on start through ValidateOnStart); none when valid.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DebounceAfter <= TimeSpan.Zero)
        {
            yield return Error($"Xds:DebounceAfter must be positive (was {DebounceAfter}).", nameof(DebounceAfter));
        }

        if (ResourceCacheSize < 1)
        {
            yield return Error($"Xds:ResourceCacheSize must be at least 1 (was {ResourceCacheSize}).", nameof(ResourceCacheSize));
        }

        if (ResourceCacheIdleTimeout <= TimeSpan.Zero)
        {
            yield return Error($"Xds:ResourceCacheIdleTimeout must be positive (was {ResourceCacheIdleTimeout}).", nameof(ResourceCacheIdleTimeout));
        }

        if (DebounceMax < DebounceAfter)
        {
            yield return Error($"Xds:DebounceMax ({DebounceMax}) must be at least Xds:DebounceAfter ({DebounceAfter}).", nameof(DebounceMax));
        }

        if (EndpointDebounceMax <= TimeSpan.Zero || EndpointDebounceMax > DebounceMax)
        {
            yield return Error(
                $"Xds:EndpointDebounceMax must be positive and at most Xds:DebounceMax ({DebounceMax}) (was {EndpointDebounceMax}).",
                nameof(EndpointDebounceMax));
        }

        if (PushConcurrency < 1)
        {
            yield return Error($"Xds:PushConcurrency must be at least 1 (was {PushConcurrency}).", nameof(PushConcurrency));
        }

        if (SendTimeout <= TimeSpan.Zero)
        {
            yield return Error($"Xds:SendTimeout must be positive (was {SendTimeout}).", nameof(SendTimeout));
        }

        if (MaxReceiveMessageSize < 64 * 1024)
        {
            yield return Error($"Xds:MaxReceiveMessageSize must be at least 65536 bytes (was {MaxReceiveMessageSize}).", nameof(MaxReceiveMessageSize));
        }

        if (MaxSendMessageSize is < 64 * 1024)
        {
            yield return Error($"Xds:MaxSendMessageSize must be at least 65536 bytes or unset (was {MaxSendMessageSize}).", nameof(MaxSendMessageSize));
        }

        if (string.IsNullOrWhiteSpace(ControlPlaneId))
        {
            yield return Error("Xds:ControlPlaneId must not be empty.", nameof(ControlPlaneId));
        }

        if (RequestBufferSize < 1)
        {
            yield return Error($"Xds:RequestBufferSize must be at least 1 (was {RequestBufferSize}).", nameof(RequestBufferSize));
        }
    }

    private static ValidationResult Error(string message, string member) => new(message, [member]);
}
