namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio HTTPRetry. A null <see cref="RetryOn"/> keeps istiod's default retry_on set.</summary>
public sealed record HttpRetry(int Attempts, TimeSpan? PerTryTimeout, string? RetryOn)
{
    public bool? RetryRemoteLocalities { get; init; }
}
