namespace ControlPlane.Xds.Generation.Filters;

using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Listener.HttpInspector.V3;
using Envoy.Extensions.Filters.Listener.OriginalDst.V3;
using Envoy.Extensions.Filters.Listener.TlsInspector.V3;
using Envoy.Type.V3;

/// <summary>Listener filters as istiod builds them (<c>xdsfilters.OriginalDestination</c>, <c>TLSInspector</c>, <c>HTTPInspector</c>).</summary>
internal static class ListenerFilters
{
    public static ListenerFilter OriginalDst() => new() { Name = FilterNames.OriginalDst, TypedConfig = EnvoyProto.Pack(new OriginalDst()) };

    /// <summary>TLS inspector reading at most 512 bytes (Envoy's default is 64 KiB), as istiod configures it.</summary>
    public static ListenerFilter TlsInspector() => new()
    {
        Name = FilterNames.TlsInspector,
        TypedConfig = EnvoyProto.Pack(new TlsInspector { InitialReadBufferSize = 512 }),
    };

    public static ListenerFilter HttpInspector() => new() { Name = FilterNames.HttpInspector, TypedConfig = EnvoyProto.Pack(new HttpInspector()) };

    /// <summary>
    /// <c>listenerPredicateExcludePorts</c>: a predicate matching the given destination ports (each as [p, p+1)), used as
    /// <c>filter_disabled</c> so an inspector runs only where a chain needs it.
    /// </summary>
    public static ListenerFilterChainMatchPredicate ExcludePorts(IReadOnlyList<int> ports)
    {
        var rules = ports
            .Select(p => new ListenerFilterChainMatchPredicate { DestinationPortRange = new Int32Range { Start = p, End = p + 1 } })
            .ToList();
        if (rules.Count == 1)
        {
            return rules[0];
        }

        var set = new ListenerFilterChainMatchPredicate.Types.MatchSet();
        set.Rules.AddRange(rules);
        return new ListenerFilterChainMatchPredicate { OrMatch = set };
    }
}
