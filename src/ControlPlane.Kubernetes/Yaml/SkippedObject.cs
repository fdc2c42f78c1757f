namespace ControlPlane.Kubernetes.Yaml;

/// <summary>A well-formed object of a kind this source does not read (a Deployment, a ConfigMap, ...).</summary>
internal sealed record SkippedObject(string Origin, string ApiVersion, string Kind);
