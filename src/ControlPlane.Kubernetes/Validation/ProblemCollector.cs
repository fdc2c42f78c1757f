namespace ControlPlane.Kubernetes.Validation;

using ControlPlane.Model.Diagnostics;

/// <summary>
/// Problems found in one input document. The object's identity (kind, namespace, name) becomes known only while it is
/// read, so entries are stamped with it when <see cref="Problems"/> is taken, not when they are added.
/// </summary>
internal sealed class ProblemCollector(string origin)
{
    private readonly List<(string Field, string Message, ProblemSeverity Severity)> entries = [];

    public string Origin { get; } = origin;

    public string Kind { get; set; } = "Unknown";

    public string Namespace { get; set; } = "";

    public string Name { get; set; } = "";

    public bool HasErrors { get; private set; }

    public int Count => entries.Count;

    public IReadOnlyList<ConfigProblem> Problems => entries
        .Select(entry => new ConfigProblem
        {
            Origin = Origin,
            Kind = Kind,
            Namespace = Namespace,
            Name = Name,
            Field = entry.Field,
            Message = entry.Message,
            Severity = entry.Severity,
        })
        .ToList();

    public void Error(string field, string message)
    {
        HasErrors = true;
        entries.Add((field, message, ProblemSeverity.Error));
    }

    public void Warning(string field, string message) => entries.Add((field, message, ProblemSeverity.Warning));
}
