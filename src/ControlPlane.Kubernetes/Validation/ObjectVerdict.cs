namespace ControlPlane.Kubernetes.Validation;

using ControlPlane.Model.Diagnostics;

/// <summary>
/// The offline verdict on one object: valid when neither the CRD schema nor the semantic checks found an error.
/// Warnings (ignored fields, rules not checked) never make an object invalid.
/// </summary>
internal sealed record ObjectVerdict(string File, string Kind, string Namespace, string Name, IReadOnlyList<ConfigProblem> Problems)
{
    public bool Valid => Problems.All(p => p.Severity != ProblemSeverity.Error);

    public IEnumerable<ConfigProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    public IEnumerable<ConfigProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);

    /// <summary><c>field: message</c>, or the message alone for whole-object problems.</summary>
    public static string Describe(ConfigProblem problem) =>
        problem.Field.Length == 0 ? problem.Message : $"{problem.Field}: {problem.Message}";
}
