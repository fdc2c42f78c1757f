namespace ControlPlane.Xds.Generation.Common;

using Google.Protobuf.WellKnownTypes;
using Udpa.Type.V1;

/// <summary>
/// istiod configures Istio's own proxy extensions (metadata exchange) through <c>udpa.type.v1.TypedStruct</c>
/// (<c>protoconv.TypedStructWithFields</c>), naming the proxy-side type by URL and carrying the config as a Struct.
/// </summary>
internal static class TypedStructs
{
    public static Any Of(string typeUrl, Struct value) => EnvoyProto.Pack(new TypedStruct { TypeUrl = typeUrl, Value = value });

    public static Struct Struct(params (string Key, Value Value)[] fields)
    {
        var result = new Struct();
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            result.Fields[key] = value;
        }

        return result;
    }

    public static Value List(params Value[] values) => Value.ForList(values);

    public static Value EmptyStruct() => Value.ForStruct(new Struct());

    /// <summary>A one-field struct value such as <c>{istio_headers: {}}</c>.</summary>
    public static Value Single(string key, Value value) => Value.ForStruct(Struct((key, value)));
}
