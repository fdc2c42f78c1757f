namespace ControlPlane.Kubernetes.Yaml;

using ControlPlane.Model.Mesh;

/// <summary>Options of the YAML-directory source; validated when the host starts.</summary>
public sealed class YamlSourceOptions
{
    /// <summary>Directory read recursively for <c>*.yaml</c> and <c>*.yml</c> files. Must exist.</summary>
    public string Directory { get; set; } = "";

    /// <summary>Whether to follow changes after the first load (file events plus polling).</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How often the tree is checked for changes that file events missed (inotify can drop events).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Quiet time after the last file event before reloading, so an editor's burst of writes is one reload.</summary>
    public TimeSpan DebounceDelay { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Mesh settings for host names (domain suffix); when null, the store's current MeshConfig is used.</summary>
    public MeshConfig? Mesh { get; set; }
}
