namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio Headers: <c>request</c>/<c>response</c> each with <c>set</c>, <c>add</c> and <c>remove</c>, with istiod's name rules.</summary>
internal static class HeadersConverter
{
    public static HeaderOperations? Read(FieldReader parent)
    {
        var headers = parent.Object("headers");
        if (headers is null)
        {
            return null;
        }

        return new HeaderOperations(Operation(headers.Object("request"), request: true), Operation(headers.Object("response"), request: false));
    }

    private static HeaderOperation Operation(FieldReader? operation, bool request)
    {
        if (operation is null)
        {
            return HeaderOperation.None;
        }

        var set = operation.StringMap("set");
        var add = operation.StringMap("add");
        var remove = operation.Strings("remove");
        // A request may set :authority (the Host rewrite); everything else follows the stricter rule.
        Func<string, string?> setRule = request ? HttpHeaderNames.CheckRequestSetName : HttpHeaderNames.CheckOtherOperationName;
        Check(operation, "set", set.Keys, setRule);
        Check(operation, "add", add.Keys, setRule);
        Check(operation, "remove", remove, HttpHeaderNames.CheckOtherOperationName);
        return new HeaderOperation(set.ToImmutableDictionary(StringComparer.Ordinal), add.ToImmutableDictionary(StringComparer.Ordinal), remove);
    }

    private static void Check(FieldReader operation, string field, IEnumerable<string> names, Func<string, string?> rule)
    {
        foreach (var name in names)
        {
            if (rule(name) is { } problem)
            {
                operation.Error(field, problem);
            }
        }
    }
}
