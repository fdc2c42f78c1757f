namespace ControlPlane.Xds.Generation.Common;

using ControlPlane.Model.Services;
using Envoy.Config.Core.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// The <c>istio</c> filter_metadata istiod attaches to clusters, routes and filter chains (<c>util.AddConfigInfoMetadata</c>,
/// <c>addTelemetryMetadata</c>). istioctl reads <c>config</c> for its DESTINATION RULE / VIRTUAL SERVICE columns and the
/// telemetry filters read <c>services</c>. Keys are inserted in sorted order so rendered JSON is stable.
/// </summary>
internal static class IstioMetadata
{
    public const string Key = "istio";
    public const string TransportSocketMatchKey = "envoy.transport_socket_match";

    /// <summary>Returns the <c>istio</c> struct of <paramref name="metadata"/>, creating it (and the metadata) if needed.</summary>
    public static Struct IstioStruct(Metadata metadata)
    {
        if (!metadata.FilterMetadata.TryGetValue(Key, out var istio))
        {
            istio = new Struct();
            metadata.FilterMetadata[Key] = istio;
        }

        return istio;
    }

    /// <summary><c>BuildConfigInfoMetadata</c>: <c>istio.config</c> = the config's <c>/apis/...</c> path.</summary>
    public static Metadata ConfigInfo(string configPath)
    {
        var metadata = new Metadata();
        Set(IstioStruct(metadata), "config", Value.ForString(configPath));
        return metadata;
    }

    /// <summary>The <c>{host, name, namespace}</c> entry of <c>istio.services</c>.</summary>
    public static Value ServiceEntry(Service service)
    {
        var entry = new Struct();
        entry.Fields["host"] = Value.ForString(service.Hostname);
        entry.Fields["name"] = Value.ForString(service.Name);
        entry.Fields["namespace"] = Value.ForString(service.Namespace);
        return Value.ForStruct(entry);
    }

    /// <summary>Sets a field keeping keys sorted, so that the struct renders the same whatever the call order.</summary>
    public static void Set(Struct target, string key, Value value)
    {
        target.Fields[key] = value;
        if (target.Fields.Count < 2)
        {
            return;
        }

        var sorted = target.Fields.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        target.Fields.Clear();
        foreach (var (k, v) in sorted)
        {
            target.Fields[k] = v;
        }
    }
}
