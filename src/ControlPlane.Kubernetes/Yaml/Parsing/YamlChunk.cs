namespace ControlPlane.Kubernetes.Yaml.Parsing;

/// <summary>The text of one YAML document and the 1-based line of the file it starts on.</summary>
internal sealed record YamlChunk(string Text, int StartLine);
