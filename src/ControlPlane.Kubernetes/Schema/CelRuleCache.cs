namespace ControlPlane.Kubernetes.Schema;

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Schema.Cel;
using ControlPlane.Model.Diagnostics;

/// <summary>
/// Compiles each distinct <c>x-kubernetes-validations</c> rule once and evaluates it. A rule outside the supported CEL
/// subset yields a warning naming the rule, so a reader knows it was not checked; it never passes silently. Thread-safe.
/// </summary>
internal sealed class CelRuleCache
{
    private readonly ConcurrentDictionary<string, CelRule> compiled = new(StringComparer.Ordinal);

    public IEnumerable<SchemaFinding> Evaluate(JsonArray validations, JsonNode value, string path)
    {
        var self = CelValues.FromJson(value);
        foreach (var validation in validations.OfType<JsonObject>())
        {
            var text = (string?)validation["rule"];
            if (text is null)
            {
                continue;
            }

            var rule = compiled.GetOrAdd(text, t => new CelRule(t, (string?)validation["message"]));
            var finding = Check(rule, self, path);
            if (finding is not null)
            {
                yield return finding;
            }
        }
    }

    private static SchemaFinding? Check(CelRule rule, object? self, string path)
    {
        try
        {
            return rule.Check(self) ? null : new SchemaFinding(path, rule.Message, ProblemSeverity.Error);
        }
        catch (CelUnsupportedException ex)
        {
            return new SchemaFinding(path, $"validation rule not checked by this control plane ({ex.Message}): {rule.Text}", ProblemSeverity.Warning);
        }
        catch (CelEvaluationException ex)
        {
            // The API server rejects an object whose rule errors at run time; so do we, naming the error.
            return new SchemaFinding(path, $"{rule.Message} (rule error: {ex.Message})", ProblemSeverity.Error);
        }
    }
}
