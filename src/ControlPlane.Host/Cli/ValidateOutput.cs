namespace ControlPlane.Host.Cli;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Validation;

/// <summary>Prints verdicts: one line per object (problems indented below it), or one JSON array.</summary>
internal static class ValidateOutput
{
    // Messages quote names with ' and "; the relaxed encoder keeps them readable (the output is never embedded in HTML).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteTextAsync(TextWriter output, IReadOnlyList<ObjectVerdict> verdicts)
    {
        foreach (var verdict in verdicts)
        {
            // A document that did not parse has no name; it is still listed so its error is seen.
            var name = verdict.Name.Length == 0 ? "" : verdict.Namespace.Length == 0 ? $" {verdict.Name}" : $" {verdict.Namespace}/{verdict.Name}";
            await output.WriteLineAsync($"{verdict.File}: {verdict.Kind}{name}: {(verdict.Valid ? "valid" : "invalid")}");
            foreach (var problem in verdict.Errors)
            {
                await output.WriteLineAsync($"  error: {ObjectVerdict.Describe(problem)}");
            }

            foreach (var problem in verdict.Warnings)
            {
                await output.WriteLineAsync($"  warning: {ObjectVerdict.Describe(problem)}");
            }
        }

        var invalid = verdicts.Count(v => !v.Valid);
        await output.WriteLineAsync($"{verdicts.Count} object(s), {invalid} invalid");
    }

    public static async Task WriteJsonAsync(TextWriter output, IReadOnlyList<ObjectVerdict> verdicts)
    {
        var array = new JsonArray();
        foreach (var verdict in verdicts)
        {
            array.Add(new JsonObject
            {
                ["file"] = verdict.File,
                ["kind"] = verdict.Kind,
                ["namespace"] = verdict.Namespace,
                ["name"] = verdict.Name,
                ["valid"] = verdict.Valid,
                ["errors"] = new JsonArray([.. verdict.Errors.Select(p => (JsonNode?)ObjectVerdict.Describe(p))]),
                ["warnings"] = new JsonArray([.. verdict.Warnings.Select(p => (JsonNode?)ObjectVerdict.Describe(p))]),
            });
        }

        await output.WriteLineAsync(array.ToJsonString(Indented));
    }
}
