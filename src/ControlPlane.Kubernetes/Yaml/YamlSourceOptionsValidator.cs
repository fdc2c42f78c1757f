namespace ControlPlane.Kubernetes.Yaml;

using Microsoft.Extensions.Options;

/// <summary>Refuses to start with a directory that does not exist or intervals that make no sense.</summary>
internal sealed class YamlSourceOptionsValidator : IValidateOptions<YamlSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, YamlSourceOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add("YamlSourceOptions.Directory is required: the directory of Kubernetes and Istio YAML to serve.");
        }
        else if (!System.IO.Directory.Exists(options.Directory))
        {
            failures.Add($"YamlSourceOptions.Directory '{Path.GetFullPath(options.Directory)}' does not exist or is not a directory.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"YamlSourceOptions.PollInterval must be positive, got {options.PollInterval}.");
        }

        if (options.DebounceDelay < TimeSpan.Zero)
        {
            failures.Add($"YamlSourceOptions.DebounceDelay must not be negative, got {options.DebounceDelay}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
