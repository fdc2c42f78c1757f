namespace ControlPlane.Host.Monitoring;

using ControlPlane.Xds.Pushing;

/// <summary>
/// <c>/debug/push_status</c>: the last released pushes, oldest first, each with its reasons, config keys, full or
/// EDS-only, and how many connections were pushed and why (<c>eds_watch</c>, <c>scope_dependency</c>, <c>global</c>),
/// naming up to 20 of the proxies selected for each reason.
/// istiod's endpoint of that name shows the last PushContext's ProxyStatus; ours answers "why was this pushed".
/// </summary>
internal static class PushStatusEndpoint
{
    public static IResult Handle(PushScheduler scheduler) =>
        Results.Json(scheduler.Recent.Snapshot().Select(Render).ToList(), DebugJson.Options);

    private static Dictionary<string, object?> Render(PushRecord push) => new()
    {
        ["time"] = push.ReleasedAt,
        ["version"] = push.Version,
        ["kind"] = push.Full ? "full" : "eds",
        ["reasons"] = push.Reasons,
        ["config_keys"] = push.ConfigKeys,
        ["config_key_count"] = push.KeyCount,
        ["proxies_pushed"] = push.Pushed,
        ["proxies_connected"] = push.Connections,
        ["selected_by"] = push.Selected.ToDictionary(s => SelectionLabel(s.Key), s => s.Value),
        ["example_proxies"] = push.ExampleProxies.ToDictionary(s => SelectionLabel(s.Key), s => s.Value),
        ["debounce_ms"] = Math.Round(push.DebounceMilliseconds, 3),
        ["push_context_build_ms"] = Math.Round(push.BuildMilliseconds, 3),
    };

    private static string SelectionLabel(PushSelection selection) => selection switch
    {
        PushSelection.EdsWatch => "eds_watch",
        PushSelection.ScopeDependency => "scope_dependency",
        PushSelection.Global => "global",
        _ => "none",
    };
}
