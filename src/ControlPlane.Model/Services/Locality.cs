namespace ControlPlane.Model.Services;

/// <summary>Region/zone/subzone of an endpoint, from node topology labels or <c>istio-locality</c>.</summary>
public sealed record Locality(string Region = "", string Zone = "", string SubZone = "")
{
    public static readonly Locality Unknown = new();

    /// <summary>Parses Istio's <c>region/zone/subzone</c> form (any part may be missing).</summary>
    public static Locality Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Unknown;
        }

        var parts = value.Split('/');
        return new Locality(parts[0], parts.Length > 1 ? parts[1] : "", parts.Length > 2 ? parts[2] : "");
    }

    public override string ToString() => $"{Region}/{Zone}/{SubZone}".TrimEnd('/');
}
