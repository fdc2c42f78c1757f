namespace ControlPlane.Kubernetes.Converters;

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Validation;

/// <summary>
/// Istio <c>Percent</c> (<c>{value: 12.5}</c>, a double) as used by fault injection and mirroring, with istiod's
/// <c>validatePercentage</c> range check (0 to 100 inclusive).
/// </summary>
internal static class PercentConverter
{
    public static double? Read(FieldReader parent, string field)
    {
        if (parent.Object(field) is not { } percent)
        {
            return null;
        }

        var raw = percent.Raw("value");
        if (raw is null)
        {
            // An empty Percent is value 0, as in the proto.
            return 0;
        }

        // YAML integers arrive as integer-backed nodes, so the number is read from its JSON text.
        if (raw is not JsonValue scalar || scalar.GetValueKind() != JsonValueKind.Number
            || !double.TryParse(scalar.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            percent.Error("value", $"must be a number, got {raw.ToJsonString()}");
            return null;
        }

        if (value is < 0 or > 100 || double.IsNaN(value))
        {
            percent.Error("value", $"percentage {value.ToString(CultureInfo.InvariantCulture)} is not in range [0, 100]");
            return null;
        }

        return value;
    }
}
