namespace ControlPlane.Interop.Infrastructure;

using System.Text.Json;

/// <summary>Reads the NACKs out of <c>/debug/syncz</c>: every subscription whose <c>last_error</c> is set.</summary>
internal static class SynczNacks
{
    /// <summary><c>type: message</c> for each NACK; empty when there are none or the text is not syncz JSON.</summary>
    public static IReadOnlyList<string> In(string syncz)
    {
        var nacks = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(syncz);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return nacks;
            }

            foreach (var connection in document.RootElement.EnumerateArray())
            {
                if (!connection.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var type in resources.EnumerateObject())
                {
                    if (type.Value.TryGetProperty("last_error", out var error) && error.ValueKind == JsonValueKind.Object)
                    {
                        var message = error.TryGetProperty("message", out var text) ? text.ToString() : error.ToString();
                        nacks.Add($"{type.Name}: {message}");
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (syncz unavailable): nothing to report here; the text itself is in the failure message.
        }

        return nacks;
    }
}
