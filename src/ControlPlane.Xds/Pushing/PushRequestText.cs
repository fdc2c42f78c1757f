namespace ControlPlane.Xds.Pushing;

using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Metrics;

/// <summary>
/// A push request's reasons and config keys for debug logs, formatted only when a log line is actually written.
/// At most 50 keys are listed (names only).
/// </summary>
internal readonly struct PushRequestText(PushRequest request)
{
    private const int MaxKeys = 50;

    public override string ToString()
    {
        var reasons = string.Join(",", request.Reasons.OrderBy(r => r.Key).Select(r => $"{XdsMetrics.ReasonLabel(r.Key)}:{r.Value}"));
        if (request.IsGlobal)
        {
            return $"reasons=[{reasons}] configs=(all)";
        }

        var keys = request.ConfigsUpdated.Select(k => k.ToString()).Order(StringComparer.Ordinal).Take(MaxKeys);
        var more = request.ConfigsUpdated.Count - MaxKeys;
        return $"reasons=[{reasons}] configs=[{string.Join(",", keys)}{(more > 0 ? $",... (+{more})" : "")}]";
    }
}
