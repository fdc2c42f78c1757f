namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.DestinationRules;

/// <summary>Istio LoadBalancerSettings: <c>simple</c> or <c>consistentHash</c> (one of them).</summary>
internal static class LoadBalancerConverter
{
    private static readonly FrozenDictionary<string, SimpleLoadBalancer> SimpleValues =
        new Dictionary<string, SimpleLoadBalancer>(StringComparer.Ordinal)
        {
            ["UNSPECIFIED"] = SimpleLoadBalancer.Unspecified,
            ["LEAST_CONN"] = SimpleLoadBalancer.LeastRequest,
            ["LEAST_REQUEST"] = SimpleLoadBalancer.LeastRequest,
            ["ROUND_ROBIN"] = SimpleLoadBalancer.RoundRobin,
            ["RANDOM"] = SimpleLoadBalancer.Random,
            ["PASSTHROUGH"] = SimpleLoadBalancer.Passthrough,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static LoadBalancerSettings Convert(FieldReader lb)
    {
        var simple = lb.Enum("simple", SimpleValues) ?? SimpleLoadBalancer.Unspecified;
        var hash = lb.Object("consistentHash") is { } h ? ConvertHash(h) : null;
        if (lb.Has("simple") && hash is not null)
        {
            lb.Error("consistentHash", "cannot be combined with simple");
        }

        lb.Unsupported("localityLbSetting", "warmupDurationSecs", "warmup");
        return new LoadBalancerSettings(simple) { ConsistentHash = hash };
    }

    private static ConsistentHashSettings ConvertHash(FieldReader hash)
    {
        var cookie = hash.Object("httpCookie");
        var settings = new ConsistentHashSettings
        {
            HttpHeaderName = hash.String("httpHeaderName") ?? "",
            HttpCookieName = cookie?.String("name", required: true) ?? "",
            HttpCookiePath = cookie?.String("path") ?? "",
            HttpCookieTtl = cookie?.Duration("ttl"),
            UseSourceIp = hash.Bool("useSourceIp") ?? false,
            HttpQueryParameterName = hash.String("httpQueryParameterName") ?? "",
            MinimumRingSize = RingSize(hash),
            Maglev = hash.Has("maglev"),
        };
        hash.Object("maglev")?.Unsupported("tableSize");
        cookie?.Unsupported("attributes");
        var keys = new[] { hash.Has("httpHeaderName"), cookie is not null, settings.UseSourceIp, hash.Has("httpQueryParameterName") };
        if (keys.Count(set => set) != 1)
        {
            hash.Error("", "needs exactly one of httpHeaderName, httpCookie, useSourceIp or httpQueryParameterName");
        }

        if (hash.Has("ringHash") && settings.Maglev)
        {
            hash.Error("maglev", "cannot be combined with ringHash");
        }

        return settings;
    }

    private static ulong RingSize(FieldReader hash)
    {
        var fromRing = hash.Object("ringHash")?.Int("minimumRingSize", 1);
        var legacy = hash.Int("minimumRingSize", 1);
        return (ulong)(fromRing ?? legacy ?? 0);
    }
}
