namespace ControlPlane.Kubernetes.Mesh;

using ControlPlane.Model.State;
using Microsoft.Extensions.Logging;

/// <summary>
/// Applies mesh config text from one origin to the <see cref="MeshStore"/> when it differs from the last text seen, so
/// an unchanged re-read (a file touch, a ConfigMap resync) raises no global push. Invalid text is logged and leaves the
/// last applied MeshConfig in place. Not thread-safe: each origin calls it from one loop.
/// </summary>
public sealed class MeshConfigApplier(MeshStore store, string origin, ILogger logger)
{
    private string? last;

    /// <summary>Parses and applies <paramref name="text"/>; returns false when it was invalid or unchanged.</summary>
    public bool Apply(string text)
    {
        if (text == last)
        {
            return false;
        }

        last = text;
        var result = MeshConfigParser.Parse(text);
        foreach (var warning in result.Warnings)
        {
            MeshConfigLog.Warning(logger, origin, warning);
        }

        if (!result.IsValid)
        {
            MeshConfigLog.Rejected(logger, origin, string.Join("; ", result.Errors));
            return false;
        }

        store.SetMeshConfig(result.Mesh);
        MeshConfigLog.Applied(logger, origin);
        return true;
    }
}
