namespace ControlPlane.FunctionalTests.Infrastructure;

using System.Text.Json;

/// <summary>Reads <c>/debug/syncz</c> and answers questions about one proxy's per-type state.</summary>
internal static class Syncz
{
    public static async Task<JsonElement> ForProxyAsync(HttpClient http, string proxyId)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("/debug/syncz"));
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            if (entry.GetProperty("proxy").GetString() == proxyId)
            {
                return entry.Clone();
            }
        }

        throw new InvalidOperationException($"proxy {proxyId} is not in /debug/syncz: {document.RootElement}");
    }

    /// <summary>
    /// Polls until the proxy's state for a type is <paramref name="expected"/>: an ACK or NACK is processed after the client
    /// has sent it, so the first read may still show the previous state. Returns the entry that matched.
    /// </summary>
    public static async Task<JsonElement> WaitForStateAsync(HttpClient http, string proxyId, string shortType, string expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var entry = await ForProxyAsync(http, proxyId);
            if (State(entry, shortType) == expected)
            {
                return entry;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{proxyId} {shortType} stayed {State(entry, shortType)}, expected {expected}: {entry}");
            }

            await Task.Delay(50);
        }
    }

    public static string State(JsonElement proxy, string shortType) =>
        proxy.GetProperty("resources").GetProperty(shortType).GetProperty("state").GetString()!;

    public static string? LastError(JsonElement proxy, string shortType)
    {
        var error = proxy.GetProperty("resources").GetProperty(shortType).GetProperty("last_error");
        return error.ValueKind == JsonValueKind.Null ? null : error.GetProperty("message").GetString();
    }
}
