namespace ControlPlane.Kubernetes.Cluster;

using Microsoft.Extensions.Options;

/// <summary>Refuses to start with a kubeconfig that does not exist, no namespace, an unknown Istio version, a revision that is no DNS label, or timings that make no sense.</summary>
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

        if (options.IstioVersion is { } version && !IstioVersionResolver.KnownVersions.Contains(version))
        {
            failures.Add($"ClusterSourceOptions.IstioVersion must be one of {string.Join(", ", IstioVersionResolver.KnownVersions)} (or null to discover it), got '{version}'.");
        }

        if (options.Revision.Length > 0 && !IsDnsLabel(options.Revision))
        {
            failures.Add($"ClusterSourceOptions.Revision must be a DNS label (lower-case letters, digits, '-'), got '{options.Revision}'.");
        }

        if (options.WriteStatus)
        {
            failures.AddRange(options.LeaderElection.Validate());
            failures.AddRange(options.StatusWriter.Validate());
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

    /// <summary>An RFC 1123 label of at most 63 characters, as a revision must be to appear in object names.</summary>
    private static bool IsDnsLabel(string value) =>
        value.Length <= 63 && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && value[0] != '-' && value[^1] != '-';
}
