namespace ControlPlane.Kubernetes.Converters;

using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio HTTPMatchRequest.</summary>
internal static class HttpMatchConverter
{
    public static HttpMatchRequest Convert(FieldReader match)
    {
        return new HttpMatchRequest
        {
            StatPrefix = match.String("statPrefix") ?? "",
            Name = match.String("name") ?? "",
            Uri = StringMatchConverter.Read(match, "uri"),
            Scheme = StringMatchConverter.Read(match, "scheme"),
            Method = StringMatchConverter.Read(match, "method"),
            Authority = StringMatchConverter.Read(match, "authority"),
            Headers = StringMatchConverter.ReadMap(match, "headers", headerNames: true),
            WithoutHeaders = StringMatchConverter.ReadMap(match, "withoutHeaders", headerNames: true),
            QueryParams = StringMatchConverter.ReadMap(match, "queryParams"),
            Port = match.Int("port", 1, 65535) ?? 0,
            SourceLabels = match.StringMap("sourceLabels"),
            SourceNamespace = match.String("sourceNamespace") ?? "",
            Gateways = VirtualServiceConverter.ReadGatewayNames(match),
            IgnoreUriCase = match.Bool("ignoreUriCase") ?? false,
        };
    }
}
