namespace ControlPlane.Model.Diagnostics;

/// <summary>A source's current problems, for <c>/debug/configz</c>. Implementations return an immutable snapshot.</summary>
public interface IConfigDiagnostics
{
    /// <summary>Name of the source, e.g. <c>yaml:/path/to/dir</c>.</summary>
    string SourceName { get; }

    IReadOnlyList<ConfigProblem> Problems { get; }
}
