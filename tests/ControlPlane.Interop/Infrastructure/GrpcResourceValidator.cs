namespace ControlPlane.Interop.Infrastructure;

using System.Text.Json;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// Runs xDS resources through @grpc/grpc-js-xds's own decoders and validators (<c>harness/validate.js</c>): the checks the
/// client applies before it ACKs, without a channel. Returns one problem per rejected resource, in the client's words.
/// </summary>
internal static class GrpcResourceValidator
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static async Task<IReadOnlyList<string>> ProblemsAsync(IReadOnlyList<Any> resources, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), $"controlplane-interop-resources-{Guid.NewGuid():N}.json");
        try
        {
            var payload = resources.Select(r => new Dictionary<string, string>
            {
                ["type_url"] = r.TypeUrl,
                ["value"] = Convert.ToBase64String(r.Value.ToByteArray()),
            });
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(payload), cancellationToken);
            var (exitCode, output) = await ToolRunner.RunAsync(
                "node", ["validate.js", file], NodeHarness.Directory, TimeSpan.FromSeconds(60), cancellationToken);
            var verdicts = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(ParseVerdict)
                .OfType<Verdict>()
                .ToList();
            if (exitCode != 0 || verdicts.Count != resources.Count)
            {
                return [$"validate.js exited {exitCode} with {verdicts.Count} verdicts for {resources.Count} resources:\n{output}"];
            }

            return [.. verdicts.Where(v => !v.Ok).Select(v => $"{resources[v.Index].TypeUrl} '{v.Name}': {v.Error}")];
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Verdict? ParseVerdict(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<Verdict>(line, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Verdict(int Index, string? Name, bool Ok, string? Error);
}
