namespace ControlPlane.Xds.Generation;

using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

/// <summary>
/// Renders Envoy resources as proto3 JSON, indented, with every message of the generated Envoy API (and the well-known
/// types) in the type registry so packed <c>Any</c> contents render as objects, as in Envoy's config dump. Used for golden
/// files and debug output.
/// </summary>
public static class EnvoyJson
{
    /// <summary>Every file descriptor of the generated Envoy API assembly plus the protobuf well-known types.</summary>
    public static TypeRegistry Registry { get; } = TypeRegistry.FromFiles([.. EnvoyApiFiles(), .. WellKnownFiles()]);

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default
        .WithTypeRegistry(Registry)
        .WithIndentation("  "));

    public static string Format(IMessage message) => Formatter.Format(message);

    /// <summary>protoc emits one <c>*Reflection</c> class per .proto file, each exposing a static <c>Descriptor</c>.</summary>
    private static IEnumerable<FileDescriptor> EnvoyApiFiles() =>
        typeof(Envoy.Config.Cluster.V3.Cluster).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .OrderBy(f => f.Name, StringComparer.Ordinal);

    private static IEnumerable<FileDescriptor> WellKnownFiles() =>
    [
        Google.Protobuf.WellKnownTypes.AnyReflection.Descriptor,
        Google.Protobuf.WellKnownTypes.DurationReflection.Descriptor,
        Google.Protobuf.WellKnownTypes.EmptyReflection.Descriptor,
        Google.Protobuf.WellKnownTypes.StructReflection.Descriptor,
        Google.Protobuf.WellKnownTypes.TimestampReflection.Descriptor,
        Google.Protobuf.WellKnownTypes.WrappersReflection.Descriptor,
    ];
}
