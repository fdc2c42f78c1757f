namespace ControlPlane.Kubernetes.Status;

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Informers;

/// <summary>
/// The <c>status</c> an Istio object should carry, in istiod's shape (<c>istio.meta.v1alpha1.IstioStatus</c>): a rejected
/// object gets one <c>validationMessages</c> entry as istiod's analysis writes it (an <c>AnalysisMessageBase</c>: IST0106
/// SchemaValidationError, level ERROR, its documentation URL; the reason itself is on <c>/debug/configz</c> and in the log,
/// as istiod's entries carry no text either) and <c>observedGeneration</c> (int64, as protobuf JSON: a string); a valid
/// object carries no <c>validationMessages</c>. The answer is a JSON merge patch of the status subresource, or null when
/// the object's status already says exactly that.
/// </summary>
internal static class ValidationStatus
{
    public const string SchemaValidationErrorCode = "IST0106";

    public const string DocumentationUrl = "https://istio.io/latest/docs/reference/config/analysis/ist0106/";

    /// <summary>The merge patch that brings the object's status to the verdict, or null when nothing needs writing.</summary>
    public static string? PatchFor(CustomResource value, bool rejected)
    {
        var status = value.Fields.TryGetValue("status", out var element) && element.ValueKind == JsonValueKind.Object ? element : (JsonElement?)null;
        var current = status is { } s && s.TryGetProperty("validationMessages", out var messages) ? JsonNode.Parse(messages.GetRawText()) : null;
        var generation = (value.Metadata?.Generation ?? 0).ToString(CultureInfo.InvariantCulture);
        if (!rejected)
        {
            // Only an object that carries messages needs a write: valid objects are never touched otherwise.
            return current is null or JsonArray { Count: 0 } ? null : Patch(null, generation);
        }

        var desired = Messages();
        var observed = status is { } t && t.TryGetProperty("observedGeneration", out var g) ? ScalarText(g) : null;
        return JsonNode.DeepEquals(current, desired) && observed == generation ? null : Patch(desired, generation);
    }

    private static JsonArray Messages() =>
    [
        new JsonObject
        {
            ["documentationUrl"] = DocumentationUrl,
            ["level"] = "ERROR",
            ["type"] = new JsonObject { ["code"] = SchemaValidationErrorCode },
        },
    ];

    private static string Patch(JsonArray? messages, string generation) =>
        new JsonObject
        {
            ["status"] = new JsonObject { ["validationMessages"] = messages, ["observedGeneration"] = generation },
        }.ToJsonString();

    private static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
