namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>
/// <c>mirror</c> with <c>mirrorPercentage</c> / <c>mirrorPercent</c>, and the <c>mirrors</c> list, checked as istiod
/// checks them: a destination with a host, percentages within 0-100, not both <c>mirror</c> and <c>mirrors</c>.
/// </summary>
internal static class HttpMirrorConverter
{
    public static ImmutableArray<HttpMirrorPolicy> Convert(FieldReader http)
    {
        var percentage = PercentConverter.Read(http, "mirrorPercentage");
        var legacyPercent = http.Int("mirrorPercent", 0, 100);
        if (http.Has("mirrorPercent"))
        {
            http.Warning("mirrorPercent", "using deprecated setting \"mirrorPercent\", use \"mirrorPercentage\" instead");
        }

        var builder = ImmutableArray.CreateBuilder<HttpMirrorPolicy>();
        if (http.Has("mirror") && DestinationConverter.Read(http, "mirror") is { } mirror)
        {
            builder.Add(new HttpMirrorPolicy(mirror, percentage, percentage is null ? legacyPercent : null));
        }

        var mirrors = http.Objects("mirrors");
        if (http.Has("mirror") && mirrors.Count > 0)
        {
            http.Error("mirrors", "HTTP route cannot contain both mirror and mirrors");
        }

        foreach (var entry in mirrors)
        {
            var share = PercentConverter.Read(entry, "percentage");
            if (DestinationConverter.Read(entry) is { } destination)
            {
                builder.Add(new HttpMirrorPolicy(destination, share));
            }
        }

        return builder.ToImmutable();
    }
}
