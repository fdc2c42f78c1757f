namespace ControlPlane.Interop.Infrastructure;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>
/// One JSON line of <c>client.js</c>: <c>warmup</c> (Ok, Ms, Attempts), <c>summary</c> and <c>batch</c> (the call tally),
/// <c>done</c>, or <c>error</c> (bad arguments or bootstrap).
/// </summary>
internal sealed record ClientReport
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public string Event { get; init; } = "";

    public bool Ok { get; init; }

    public int Ms { get; init; }

    [JsonPropertyName("tMs")]
    public int ElapsedMs { get; init; }

    public int Calls { get; init; }

    public int Succeeded { get; init; }

    public Dictionary<string, int> Backends { get; init; } = [];

    public Dictionary<string, int> Versions { get; init; } = [];

    public Dictionary<string, int> Statuses { get; init; } = [];

    /// <summary>Successful calls by the attempt the backend answered (1, or more after client retries).</summary>
    public Dictionary<string, int> ServerAttempts { get; init; } = [];

    /// <summary>With <c>--rotate-header</c>: for each header value, the backends that answered it.</summary>
    public Dictionary<string, Dictionary<string, int>> ByHeader { get; init; } = [];

    public List<string> Errors { get; init; } = [];

    public string? Error { get; init; }

    public int Version(string version) => Versions.GetValueOrDefault(version);

    public int Status(string code) => Statuses.GetValueOrDefault(code);

    public static ClientReport? TryParse(string line)
    {
        try
        {
            return line.StartsWith('{') ? JsonSerializer.Deserialize<ClientReport>(line, Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
