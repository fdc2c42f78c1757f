namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Naming;

/// <summary>
/// <c>buildSidecarOutboundListener</c>: adds one service port to the (bind, port) listener map, resolving protocol
/// conflicts as istiod does: HTTP and TCP on one listener become a sniffed listener with both chains; a second HTTP
/// service only adds virtual hosts (through RDS), not chains; TCP chains merge when their matches differ.
/// </summary>
internal static class OutboundListenerMerger
{
    public static void Add(GenerationContext context, Dictionary<(string, int), OutboundListenerEntry> entries, OutboundListenerRequest request)
    {
        var protocol = Protocols.ToListenerProtocol(request.Port.Protocol);
        if (request.Service.Resolution == Resolution.Alias || protocol == ListenerProtocol.None)
        {
            return;
        }

        request = ResolveBind(request, protocol);
        var key = (request.Bind, request.Port.Port);
        entries.TryGetValue(key, out var current);
        if (current is { Locked: true }
            || Plan(context, request, protocol, current) is not { } plan
            || (current is not null && !CompatibleWithWellKnown(request.Port.Protocol, current.Protocol)))
        {
            return;
        }

        if (current is null || !plan.Merge)
        {
            entries[key] = new OutboundListenerEntry(request.Bind, request.BindToPort, request.Port.Port, plan.EntryProtocol, plan.Chains);
            return;
        }

        current.MergeChains(plan.Chains);
        if (plan.Sniff)
        {
            // HTTP over TCP, TCP over HTTP, sniffed over TCP: the listener now needs protocol detection.
            current.Protocol = Protocol.Unsupported;
        }
    }

    /// <summary>
    /// The chains this service port contributes and how they combine with an existing listener: null when the existing
    /// listener already covers it (another HTTP service only adds virtual hosts, through RDS).
    /// </summary>
    private static (List<OutboundChain> Chains, Protocol EntryProtocol, bool Merge, bool Sniff)? Plan(
        GenerationContext context, OutboundListenerRequest request, ListenerProtocol protocol, OutboundListenerEntry? current)
    {
        switch (protocol)
        {
            case ListenerProtocol.Http:
                if (current is not null && !current.Protocol.IsTcp())
                {
                    return null;
                }

                // On the wildcard, HTTP chains match on ALPN so non-HTTP traffic falls through to the passthrough chain.
                var wildcard = request.Bind == EnvoyNames.WildcardIpv4;
                var entryProtocol = wildcard ? Protocol.Unsupported : request.Port.Protocol;
                return ([OutboundChainsBuilder.Http(request, protocol, withAlpn: wildcard)], entryProtocol, true, true);
            case ListenerProtocol.Tcp:
                return (OutboundChainsBuilder.Tcp(context, request), request.Port.Protocol, true, current?.Protocol.IsHttp() == true);
            default:
                if (current is not null && !current.Protocol.IsHttp() && !current.Protocol.IsTcp())
                {
                    return null;
                }

                // Sniffed over HTTP replaces the listener; sniffed over TCP merges into it.
                List<OutboundChain> chains = [.. OutboundChainsBuilder.Tcp(context, request), OutboundChainsBuilder.Http(request, protocol, withAlpn: true)];
                return (chains, request.Port.Protocol, current?.Protocol.IsTcp() == true, true);
        }
    }

    /// <summary>TCP and sniffed ports listen on the service VIP (a CIDR address falls back to the wildcard plus a prefix match); HTTP on the wildcard.</summary>
    private static OutboundListenerRequest ResolveBind(OutboundListenerRequest request, ListenerProtocol protocol)
    {
        if (request.Bind.Length > 0)
        {
            return request;
        }

        if (protocol == ListenerProtocol.Http)
        {
            return request with { Bind = EnvoyNames.WildcardIpv4 };
        }

        var address = request.Service.Addresses.IsDefaultOrEmpty ? EnvoyNames.WildcardIpv4 : request.Service.Addresses[0];
        return address.Contains('/', StringComparison.Ordinal)
            ? request with { Bind = EnvoyNames.WildcardIpv4, Cidr = address }
            : request with { Bind = address };
    }

    /// <summary><c>isConflictWithWellKnownPort</c>: Mongo and MySQL (server-first) never share a port with other protocols.</summary>
    private static bool CompatibleWithWellKnown(Protocol incoming, Protocol existing) =>
        !((incoming is Protocol.Mongo or Protocol.MySql || existing is Protocol.Mongo or Protocol.MySql) && incoming != existing);
}
