namespace ControlPlane.Testing.Xds;

using System.Collections;
using ControlPlane.Xds.Generation;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

/// <summary>Walks a message's fields, unpacking every nested <see cref="Any"/> through <see cref="EnvoyJson.Registry"/>.</summary>
internal static class AnyWalker
{
    public static void CheckNested(IMessage message, string where, List<string> problems)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType != FieldType.Message)
            {
                continue;
            }

            var value = field.Accessor.GetValue(message);
            switch (value)
            {
                case IDictionary map:
                    foreach (var item in map.Values)
                    {
                        Visit(item, $"{where}.{field.Name}", problems);
                    }

                    break;
                case IList list:
                    foreach (var item in list)
                    {
                        Visit(item, $"{where}.{field.Name}", problems);
                    }

                    break;
                default:
                    Visit(value, $"{where}.{field.Name}", problems);
                    break;
            }
        }
    }

    private static void Visit(object? value, string where, List<string> problems)
    {
        if (value is Any any)
        {
            var descriptor = EnvoyJson.Registry.Find(Any.GetTypeName(any.TypeUrl));
            if (descriptor is null || !any.TypeUrl.StartsWith("type.googleapis.com/", StringComparison.Ordinal))
            {
                problems.Add($"{where}: cannot unpack Any of type {any.TypeUrl}");
                return;
            }

            CheckNested(descriptor.Parser.ParseFrom(any.Value), $"{where}<{descriptor.Name}>", problems);
        }
        else if (value is IMessage nested)
        {
            CheckNested(nested, where, problems);
        }
    }
}
