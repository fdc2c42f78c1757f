namespace ControlPlane.Testing.Kubernetes;

using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>
/// Kubernetes version priority, highest first: GA before beta before alpha, a higher major first, then a higher minor
/// (<c>v2</c>, <c>v1</c>, <c>v1beta2</c>, <c>v1beta1</c>, <c>v1alpha3</c>); strings of another form last, alphabetically.
/// </summary>
public sealed partial class KubeVersionComparer : IComparer<string>
{
    public static readonly KubeVersionComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var (a, b) = (Rank(x ?? ""), Rank(y ?? ""));
        return a != b ? a.CompareTo(b) : string.CompareOrdinal(x, y);
    }

    [GeneratedRegex("^v([0-9]+)(?:(alpha|beta)([0-9]+))?$")]
    private static partial Regex Pattern();

    /// <summary>Lower sorts first.</summary>
    private static (int Stability, int Major, int Minor) Rank(string version)
    {
        var match = Pattern().Match(version);
        if (!match.Success)
        {
            return (3, 0, 0);
        }

        var major = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minor = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        var stability = match.Groups[2].Value switch { "" => 0, "beta" => 1, _ => 2 };
        return (stability, -major, -minor);
    }
}
