namespace ControlPlane.Kubernetes.Schema.Cel;

/// <summary>
/// One compiled <c>x-kubernetes-validations</c> rule. A rule that does not parse with our subset is kept with its reason,
/// so every object it applies to gets a warning that the rule was not checked.
/// </summary>
internal sealed class CelRule
{
    private readonly CelExpr? expression;

    public CelRule(string text, string? message)
    {
        Text = text;
        Message = string.IsNullOrEmpty(message) ? $"failed rule: {text}" : message;
        try
        {
            expression = CelParser.Parse(text);
        }
        catch (CelUnsupportedException ex)
        {
            UnsupportedReason = ex.Message;
        }
    }

    public string Text { get; }

    public string Message { get; }

    public string? UnsupportedReason { get; }

    /// <summary>Evaluates against <paramref name="self"/>: true (passed), false (failed), or throws for the caller to classify.</summary>
    public bool Check(object? self)
    {
        if (expression is null)
        {
            throw new CelUnsupportedException(UnsupportedReason!);
        }

        return CelEvaluator.Evaluate(expression, self) as bool?
            ?? throw new CelEvaluationException("the rule did not evaluate to a bool");
    }
}
