namespace ControlPlane.Kubernetes.Informers;

/// <summary>Retry and watch timing of a <see cref="ResourceInformer{T}"/>. Defaults follow client-go's reflector.</summary>
public sealed record InformerOptions
{
    /// <summary>First delay after a failed list or watch; doubled per consecutive failure.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Cap on the delay, so a long API server outage is retried at least this often.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Server-side watch timeout (timeoutSeconds). A random value between this and twice this is used per watch, as
    /// client-go does, so that many informers do not reconnect at the same moment.
    /// </summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
