namespace ControlPlane.Xds.Serving;

using System.Globalization;
using ControlPlane.Model.Proxies;
using Envoy.Config.Core.V3;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

/// <summary>
/// Turns the node of a stream's first request into a <see cref="Proxy"/>. The sidecar bootstrap sets
/// <c>set_node_on_first_message_only</c>, so this runs once per stream. A missing or malformed node id fails the stream
/// with <see cref="StatusCode.InvalidArgument"/>, as istiod does.
/// </summary>
internal static class NodeReader
{
    public static Proxy Read(Node? node)
    {
        if (node is null || string.IsNullOrEmpty(node.Id))
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.InvalidArgument, "missing node information: the first request must carry node.id"));
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node.Metadata is not null)
        {
            foreach (var (key, value) in node.Metadata.Fields)
            {
                if (key == "LABELS" && value.KindCase == Value.KindOneofCase.StructValue)
                {
                    Flatten(value.StructValue, labels);
                }
                else if (value.KindCase == Value.KindOneofCase.StringValue)
                {
                    metadata[key] = value.StringValue;
                }
            }
        }

        try
        {
            return ProxyNodeParser.Parse(node.Id, metadata, labels, LocalityOf(node));
        }
        catch (FormatException e)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.InvalidArgument, $"invalid node: {e.Message}"));
        }
    }

    /// <summary>The node's <c>locality</c>; istiod falls back to it when the registry knows no locality for the proxy.</summary>
    private static Model.Services.Locality LocalityOf(Node node) => node.Locality is { } locality
        ? new Model.Services.Locality(locality.Region, locality.Zone, locality.SubZone)
        : Model.Services.Locality.Unknown;

    /// <summary>Label values are strings in practice; numbers and booleans are kept in their plain text form.</summary>
    private static void Flatten(Struct labels, Dictionary<string, string> into)
    {
        foreach (var (key, value) in labels.Fields)
        {
            var text = value.KindCase switch
            {
                Value.KindOneofCase.StringValue => value.StringValue,
                Value.KindOneofCase.NumberValue => value.NumberValue.ToString(CultureInfo.InvariantCulture),
                Value.KindOneofCase.BoolValue => value.BoolValue ? "true" : "false",
                _ => null,
            };
            if (text is not null)
            {
                into[key] = text;
            }
        }
    }
}
