namespace ControlPlane.LoadTest.Reporting;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>
/// The JSON report. Field names are snake_case as the issue specifies them (<c>scenarios.connect.p99_ms</c>,
/// <c>control_plane.peak_rss_mb</c>, <c>floor.ratio</c>); <c>phases_ms</c> and <c>server_breakdown</c> say where the time went.
/// </summary>
internal sealed record LoadTestReport
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required IReadOnlyDictionary<string, object> Mesh { get; init; }

    public required IReadOnlyDictionary<string, ScenarioResult> Scenarios { get; init; }

    public required ControlPlaneFigures ControlPlane { get; init; }

    public FloorFigures? Floor { get; init; }

    public required IReadOnlyDictionary<string, object> Machine { get; init; }

    public required IReadOnlyDictionary<string, double> PhasesMs { get; init; }

    /// <summary>The control plane's CPU seconds spent during each scenario (settling included).</summary>
    public IReadOnlyDictionary<string, double>? ControlPlaneCpuSecondsByScenario { get; init; }

    /// <summary>The control plane's collector pause, allocation and collections during each scenario.</summary>
    public IReadOnlyDictionary<string, GarbageCollection>? ControlPlaneGcByScenario { get; init; }

    public IReadOnlyDictionary<string, double>? ServerBreakdown { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
