namespace ControlPlane.Kubernetes.Yaml;

using ControlPlane.Kubernetes.Schema;
using ControlPlane.Kubernetes.Yaml.Parsing;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Mesh;

/// <summary>
/// Reads plain Kubernetes and Istio YAML into the mesh model. Pure: no state, no logging, safe to call from any thread.
/// </summary>
public static class YamlMeshLoader
{
    /// <summary>Loads every <c>*.yaml</c> / <c>*.yml</c> file under <paramref name="directory"/>, in ordinal path order.</summary>
    public static YamlLoadResult LoadDirectory(string directory, MeshConfig mesh) => LoadDirectory(directory, mesh, null);

    /// <summary>As above; objects of kinds <paramref name="schemas"/> defines are checked against their CRD schema first.</summary>
    internal static YamlLoadResult LoadDirectory(string directory, MeshConfig mesh, CrdSchemaSet? schemas)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(mesh);
        var session = new YamlLoadSession(mesh, schemas);
        var files = YamlFileScanner.List(directory);
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A file removed or replaced between listing and reading: the next change event reloads it.
                session.Problems.Add(new ConfigProblem { Origin = file, Kind = "File", Message = $"cannot be read: {ex.Message}" });
                continue;
            }

            session.Add(text, file);
        }

        return session.Complete(files.Count);
    }

    /// <summary>Loads YAML text; <paramref name="origin"/> names it in problems and config metadata (a file name, say).</summary>
    public static YamlLoadResult LoadText(string yaml, string origin, MeshConfig mesh) => LoadText(yaml, origin, mesh, null);

    /// <summary>As above; objects of kinds <paramref name="schemas"/> defines are checked against their CRD schema first.</summary>
    internal static YamlLoadResult LoadText(string yaml, string origin, MeshConfig mesh, CrdSchemaSet? schemas)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        ArgumentNullException.ThrowIfNull(mesh);
        var session = new YamlLoadSession(mesh, schemas);
        session.Add(yaml, origin);
        return session.Complete(1);
    }
}
