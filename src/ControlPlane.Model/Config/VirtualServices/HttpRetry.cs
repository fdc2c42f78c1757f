namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio HTTPRetry. A null <see cref="RetryOn"/> keeps istiod's default retry_on set.</summary>
public sealed record HttpRetry(int Attempts, TimeSpan? PerTryTimeout, string? RetryOn)
{
    public bool? RetryRemoteLocalities { get; init; }

    /// <summary>Unset keeps the default (retry on other hosts unless the route hashes consistently); set overrides it.</summary>
    public bool? RetryIgnorePreviousHosts { get; init; }

    /// <summary>The base interval between retries (Envoy's <c>retry_back_off.base_interval</c>).</summary>
    public TimeSpan? Backoff { get; init; }
}
