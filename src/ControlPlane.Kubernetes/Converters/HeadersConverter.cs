namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio Headers: <c>request</c>/<c>response</c> each with <c>set</c>, <c>add</c> and <c>remove</c>.</summary>
internal static class HeadersConverter
{
    public static HeaderOperations? Read(FieldReader parent)
    {
        var headers = parent.Object("headers");
        if (headers is null)
        {
            return null;
        }

        return new HeaderOperations(Operation(headers.Object("request")), Operation(headers.Object("response")));
    }

    private static HeaderOperation Operation(FieldReader? operation)
    {
        if (operation is null)
        {
            return HeaderOperation.None;
        }

        return new HeaderOperation(
            operation.StringMap("set").ToImmutableDictionary(StringComparer.Ordinal),
            operation.StringMap("add").ToImmutableDictionary(StringComparer.Ordinal),
            operation.Strings("remove"));
    }
}
