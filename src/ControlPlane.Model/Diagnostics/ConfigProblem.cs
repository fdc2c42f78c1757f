namespace ControlPlane.Model.Diagnostics;

/// <summary>
/// A problem with one input object: where it was read from, which object, which field, and why. Rejections keep the
/// object out of the mesh; warnings (unsupported fields) do not.
/// </summary>
public sealed record ConfigProblem
{
    /// <summary>File path (YAML source) or <c>kubernetes</c>; for multi-document files, with <c>#index</c> of the document.</summary>
    public required string Origin { get; init; }

    public required string Kind { get; init; }

    public string Namespace { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>JSON-path-like location of the offending field, e.g. <c>spec.http[0].route[1].weight</c>; empty for whole-object problems.</summary>
    public string Field { get; init; } = "";

    public required string Message { get; init; }

    public ProblemSeverity Severity { get; init; } = ProblemSeverity.Error;

    public override string ToString()
    {
        var name = Name.Length == 0 ? "" : $" {Namespace}/{Name}";
        var field = Field.Length == 0 ? "" : $" field {Field}:";
        return $"{Origin}: {Kind}{name}:{field} {Message}";
    }
}
