namespace ControlPlane.Xds.Tests.Pushing;

using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Pushing;

internal static class TestRequests
{
    public static PushRequest Full(params ConfigKey[] keys) => new()
    {
        Full = true,
        ConfigsUpdated = [.. keys],
        Reasons = ImmutableDictionary<PushReason, int>.Empty.Add(PushReason.ConfigUpdate, 1),
    };

    public static PushRequest Endpoints(params string[] hosts) => new()
    {
        Full = false,
        ConfigsUpdated = [.. hosts.Select(h => ServiceKey(h))],
        Reasons = ImmutableDictionary<PushReason, int>.Empty.Add(PushReason.EndpointUpdate, 1),
    };

    public static ConfigKey ServiceKey(string host) => new(ConfigKind.Service, host.Split('.')[1], host);
}
