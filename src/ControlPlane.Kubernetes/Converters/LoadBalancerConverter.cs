namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.DestinationRules;

/// <summary>
/// Istio LoadBalancerSettings: <c>simple</c> or <c>consistentHash</c> (one of them), <c>localityLbSetting</c> and slow
/// start (<c>warmup</c>, or the deprecated <c>warmupDurationSecs</c>), with istiod's <c>validateLoadBalancer</c> checks.
/// </summary>
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

    /// <summary>Envoy's limit for a maglev table (<c>validateLoadBalancer</c>).</summary>
    private const ulong MaglevTableSizeLimit = 5000011;

    /// <param name="hasOutlierDetection">Whether the enclosing policy sets outlier detection, which failover needs.</param>
    public static LoadBalancerSettings Convert(FieldReader lb, bool hasOutlierDetection)
    {
        var simple = lb.Enum("simple", SimpleValues) ?? SimpleLoadBalancer.Unspecified;
        var hash = lb.Object("consistentHash") is { } h ? ConvertHash(h) : null;
        if (lb.Has("simple") && hash is not null)
        {
            lb.Error("consistentHash", "cannot be combined with simple");
        }

        if (lb.Raw("backendUtilization") is not null)
        {
            lb.Warning(
                "backendUtilization",
                "is not applied by this control plane yet: istiod (1.31, istio/istio#61289) translates it to Envoy's "
                + "client_side_weighted_round_robin load_balancing_policy, whose protos are not compiled here; the cluster keeps "
                + "the simple load balancer");
        }

        return new LoadBalancerSettings(simple)
        {
            ConsistentHash = hash,
            LocalityLbSetting = lb.Object("localityLbSetting") is { } locality ? LocalityLbSettingConverter.Convert(locality, hasOutlierDetection) : null,
            WarmupDuration = lb.Duration("warmupDurationSecs"),
            Warmup = lb.Object("warmup") is { } warmup ? ConvertWarmup(warmup) : null,
        };
    }

    private static WarmupSettings? ConvertWarmup(FieldReader warmup)
    {
        if (!warmup.Has("duration"))
        {
            warmup.Error("duration", "duration is required");
        }

        var duration = IstioDurationRules.Read(warmup, "duration");
        var minimum = Number(warmup, "minimumPercent");
        if (minimum > 100)
        {
            warmup.Error("minimumPercent", "minimumPercent value should be less than or equal to 100");
        }

        var aggression = Number(warmup, "aggression");
        if (aggression < 1)
        {
            warmup.Error("aggression", "aggression should be greater than or equal to 1");
        }

        return duration is { } window ? new WarmupSettings(window) { Aggression = aggression, MinimumPercent = minimum } : null;
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
            HttpCookieAttributes = cookie?.Array("attributes", ConvertCookieAttribute) ?? [],
            UseSourceIp = hash.Bool("useSourceIp") ?? false,
            HttpQueryParameterName = hash.String("httpQueryParameterName") ?? "",
            MinimumRingSize = RingSize(hash),
            Maglev = hash.Has("maglev"),
            MaglevTableSize = hash.Object("maglev") is { } maglev ? MaglevTableSize(maglev) : 0,
        };
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

    /// <summary>istiod requires a prime table size below Envoy's limit.</summary>
    private static ulong MaglevTableSize(FieldReader maglev)
    {
        var size = (ulong)(maglev.Int("tableSize", 0) ?? 0);
        if (size == 0)
        {
            maglev.Error("tableSize", "tableSize must be set for maglev");
        }
        else if (size >= MaglevTableSizeLimit)
        {
            maglev.Error("tableSize", $"tableSize must be less than {MaglevTableSizeLimit} for maglev");
        }
        else if (!IsPrime(size))
        {
            maglev.Error("tableSize", "tableSize must be a prime number for maglev");
        }

        return size;
    }

    /// <summary>Envoy's primality test, which istiod copies so that both agree.</summary>
    private static bool IsPrime(ulong x)
    {
        if (x is > 0 and < 4)
        {
            return true;
        }

        if ((x & 1) == 0)
        {
            return false;
        }

        var limit = (ulong)Math.Sqrt(x);
        for (ulong factor = 3; factor <= limit; factor += 2)
        {
            if (x % factor == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A <c>DoubleValue</c> field: any JSON number.</summary>
    internal static double? Number(FieldReader reader, string name)
    {
        var value = reader.Raw(name);
        if (value is null)
        {
            return null;
        }

        // Integers and reals alike: the YAML reader keeps whole numbers as integers.
        if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.Number
            && double.TryParse(scalar.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        reader.Error(name, "must be a number");
        return null;
    }

    private static HttpCookieAttribute? ConvertCookieAttribute(FieldReader attribute) =>
        attribute.String("name", required: true) is { } name ? new HttpCookieAttribute(name, attribute.String("value") ?? "") : null;

    private static ulong RingSize(FieldReader hash)
    {
        var fromRing = hash.Object("ringHash")?.Int("minimumRingSize", 1);
        var legacy = hash.Int("minimumRingSize", 1);
        return (ulong)(fromRing ?? legacy ?? 0);
    }
}
