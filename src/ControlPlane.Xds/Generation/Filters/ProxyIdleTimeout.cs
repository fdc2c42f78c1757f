namespace ControlPlane.Xds.Generation.Filters;

using ControlPlane.Model.Config;
using ControlPlane.Model.Proxies;

/// <summary>
/// The proxy's <c>IDLE_TIMEOUT</c> node metadata in Go's <c>time.ParseDuration</c> form (<c>1h30m</c>, <c>90s</c>,
/// <c>1.5h</c>, <c>300ms</c>), istiod's <c>parseDuration</c>: absent or unparsable means no idle timeout. A negative value
/// is also dropped, since Envoy would reject the listener carrying it.
/// </summary>
internal static class ProxyIdleTimeout
{
    private const string Key = "IDLE_TIMEOUT";

    public static TimeSpan? Of(Proxy proxy) =>
        proxy.Metadata.TryGetValue(Key, out var text) && GoDuration.TryParse(text, out var value) ? value : null;
}
