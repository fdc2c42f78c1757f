namespace ControlPlane.Kubernetes.Cluster;

using Microsoft.Extensions.Options;

/// <summary>Refuses to start with a kubeconfig that does not exist, no namespace or version, or retry timings that make no sense.</summary>
internal sealed class ClusterSourceOptionsValidator : IValidateOptions<ClusterSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterSourceOptions options)
    {
        var failures = new List<string>();
        if (options.ClientConfiguration is null && options.KubeconfigPath is { } path && !File.Exists(path))
        {
            failures.Add($"ClusterSourceOptions.KubeconfigPath '{Path.GetFullPath(path)}' does not exist.");
        }

        if (string.IsNullOrWhiteSpace(options.Namespace))
        {
            failures.Add("ClusterSourceOptions.Namespace is required: the control plane's own namespace.");
        }

        if (string.IsNullOrWhiteSpace(options.IstioVersion))
        {
            failures.Add("ClusterSourceOptions.IstioVersion is required, for example v1.");
        }

        var informer = options.Informer;
        if (informer.InitialBackoff <= TimeSpan.Zero || informer.MaxBackoff < informer.InitialBackoff)
        {
            failures.Add($"ClusterSourceOptions.Informer backoff must be positive with MaxBackoff >= InitialBackoff, got {informer.InitialBackoff} and {informer.MaxBackoff}.");
        }

        if (informer.MinWatchTimeout < TimeSpan.FromSeconds(1))
        {
            failures.Add($"ClusterSourceOptions.Informer.MinWatchTimeout must be at least 1 s, got {informer.MinWatchTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
