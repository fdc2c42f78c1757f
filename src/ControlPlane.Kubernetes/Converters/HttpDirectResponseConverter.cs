namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>
/// Istio HTTPDirectResponse with istiod's <c>validateHTTPDirectResponse</c>: a body is text (<c>string</c>) or raw bytes
/// (<c>bytes</c>, base64 as in any protobuf JSON), not both; above 100 KiB it is a warning, above 1 MiB an error (the
/// route configuration's direct-response limit).
/// </summary>
internal static class HttpDirectResponseConverter
{
    private const int WarnBytes = 100 * 1024;
    private const int MaxBytes = 1024 * 1024;

    public static HttpDirectResponse? Convert(FieldReader response)
    {
        var status = response.Int("status", 200, 599, required: true);
        var body = response.Object("body");
        var text = body?.String("string") ?? "";
        var bytes = body is null ? [] : ReadBytes(body);
        if (body is not null && body.Has("string") && body.Has("bytes"))
        {
            body.Error("bytes", "only one of string and bytes may be set");
        }

        var size = Math.Max(System.Text.Encoding.UTF8.GetByteCount(text), bytes.Length);
        if (size > MaxBytes)
        {
            response.Error("body", "large direct_responses may impact control plane performance, must be less than 1MB");
        }
        else if (size > WarnBytes)
        {
            response.Warning("body", "large direct_responses may impact control plane performance");
        }

        return status is null ? null : new HttpDirectResponse(status.Value, text) { BodyBytes = bytes };
    }

    private static ImmutableArray<byte> ReadBytes(FieldReader body)
    {
        if (body.String("bytes") is not { Length: > 0 } encoded)
        {
            return [];
        }

        // protobuf JSON accepts standard and URL-safe base64, padded or not.
        var normalized = encoded.Replace('-', '+').Replace('_', '/');
        normalized = normalized.PadRight(normalized.Length + ((4 - (normalized.Length % 4)) % 4), '=');
        var buffer = new byte[normalized.Length];
        if (System.Convert.TryFromBase64String(normalized, buffer, out var written))
        {
            return [.. buffer.AsSpan(0, written)];
        }

        body.Error("bytes", "is not valid base64");
        return [];
    }
}
