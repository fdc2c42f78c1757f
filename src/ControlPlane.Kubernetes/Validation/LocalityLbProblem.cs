namespace ControlPlane.Kubernetes.Validation;

/// <summary>One finding of <see cref="LocalityLbSettingRules"/>; the caller attaches it to its own field path.</summary>
internal sealed record LocalityLbProblem(string Message, bool IsWarning)
{
    public static LocalityLbProblem Error(string message) => new(message, false);

    public static LocalityLbProblem Warning(string message) => new(message, true);
}
