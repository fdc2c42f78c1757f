namespace ControlPlane.Host.Monitoring;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>JSON settings shared by the debug endpoints: indented, enums as strings, nulls kept (they carry meaning).</summary>
internal static class DebugJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };
}
