namespace ControlPlane.Xds.Tests.Generation;

using ControlPlane.Model.Config;
using ControlPlane.Model.Pushing;

internal static class Requests
{
    public static PushRequest Full(params ConfigKind[] kinds) => new()
    {
        Full = true,
        ConfigsUpdated = [.. kinds.Select(k => new ConfigKey(k, "default", "x"))],
    };

    public static PushRequest EndpointsOnly() => new()
    {
        Full = false,
        ConfigsUpdated = [new ConfigKey(ConfigKind.Service, "default", "reviews.default.svc.cluster.local")],
    };
}
