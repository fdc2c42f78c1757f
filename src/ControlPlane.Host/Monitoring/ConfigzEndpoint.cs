namespace ControlPlane.Host.Monitoring;

using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.State;

/// <summary>
/// <c>/debug/configz</c>: every config object and service we hold (names, origin, version; not whole specs) and every
/// problem each source reports: rejected objects with file, kind, name, field and reason, and warnings.
/// </summary>
internal static class ConfigzEndpoint
{
    public static IResult Handle(MeshStore store, IEnumerable<IConfigDiagnostics> diagnostics)
    {
        var snapshot = store.Current;
        var body = new Dictionary<string, object?>
        {
            ["version"] = snapshot.Version,
            ["configs"] = snapshot.Configs.Values
                .OrderBy(c => c.Kind).ThenBy(c => c.Meta.Namespace, StringComparer.Ordinal).ThenBy(c => c.Meta.Name, StringComparer.Ordinal)
                .Select(c => new
                {
                    kind = c.Kind.ToString(),
                    apiVersion = c.Meta.ApiVersion,
                    @namespace = c.Meta.Namespace,
                    name = c.Meta.Name,
                    origin = c.Meta.Origin,
                    resourceVersion = c.Meta.ResourceVersion,
                }),
            ["services"] = snapshot.Services.Values
                .OrderBy(s => s.Hostname, StringComparer.Ordinal).ThenBy(s => s.Namespace, StringComparer.Ordinal)
                .Select(s => new
                {
                    hostname = s.Hostname,
                    @namespace = s.Namespace,
                    registry = s.Registry,
                    ports = s.Ports.Select(p => $"{p.Name}:{p.Port}/{p.Protocol}"),
                    endpoints = snapshot.Endpoints.TryGetValue(s.Key, out var e) ? e.Endpoints.Length : 0,
                }),
            ["sources"] = diagnostics.Select(d => new
            {
                source = d.SourceName,
                rejected = d.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(Render),
                warnings = d.Problems.Where(p => p.Severity == ProblemSeverity.Warning).Select(Render),
            }),
        };
        return Results.Json(body, DebugJson.Options);
    }

    private static object Render(ConfigProblem p) =>
        new { origin = p.Origin, kind = p.Kind, @namespace = p.Namespace, name = p.Name, field = p.Field, message = p.Message };
}
