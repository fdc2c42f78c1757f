namespace ControlPlane.Xds.Generation.Listeners;

using System.Net;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Scoping;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Listener.V3;

/// <summary>
/// <c>buildSidecarOutboundListeners</c>: walks the scope's egress listeners (port-specific ones first, the portless
/// catch-all last) and merges every service port into per (bind, port) listeners, then renders them ordered by port and
/// bind (istiod's map iteration order is random).
/// </summary>
internal static class OutboundListenerBuilder
{
    public static List<Listener> Build(GenerationContext context)
    {
        var entries = new Dictionary<(string Bind, int Port), OutboundListenerEntry>();
        foreach (var egress in context.Scope.EgressListeners)
        {
            var (bind, bindToPort) = Binding(context, egress.Listener);
            var services = ScopedServices.DistinctByHost(egress.Services, context.Proxy.Namespace);
            if (egress.Listener?.Port is { } declared)
            {
                var port = new ServicePort(declared.Name, declared.Number, declared.Protocol);
                if (ListenerPorts.CanBind(context, bindToPort, bind, port.Port, port.Protocol))
                {
                    foreach (var service in services)
                    {
                        OutboundListenerMerger.Add(context, entries, new OutboundListenerRequest(service, port, bind, bindToPort, egress.VirtualServices));
                    }
                }

                continue;
            }

            // The catch-all listener must not extend listeners a port-specific egress entry already defined.
            foreach (var entry in entries.Values)
            {
                entry.Locked = true;
            }

            AddCatchAll(context, entries, egress, services, bind, bindToPort);
        }

        return [.. entries.Values
            .OrderBy(e => e.Port)
            .ThenBy(e => e.Bind, StringComparer.Ordinal)
            .Select(e => OutboundListenerFinalizer.Build(context, e))];
    }

    private static void AddCatchAll(
        GenerationContext context,
        Dictionary<(string, int), OutboundListenerEntry> entries,
        EgressListenerScope egress,
        List<Service> services,
        string bind,
        bool bindToPort)
    {
        foreach (var service in services)
        {
            foreach (var port in service.Ports)
            {
                if (!ListenerPorts.CanBind(context, bindToPort, bind, port.Port, port.Protocol))
                {
                    continue;
                }

                var request = new OutboundListenerRequest(service, port, bind, bindToPort, egress.VirtualServices);
                if (IsHeadlessTcp(request))
                {
                    AddPerEndpoint(context, entries, request);
                }
                else
                {
                    OutboundListenerMerger.Add(context, entries, request);
                }
            }
        }
    }

    /// <summary>
    /// Headless services' TCP ports have no VIP to listen on: istiod creates one listener per pod IP (not the proxy's
    /// own), except for selector-less non-Kubernetes services without endpoints, which fall back to the wildcard.
    /// </summary>
    private static void AddPerEndpoint(GenerationContext context, Dictionary<(string, int), OutboundListenerEntry> entries, OutboundListenerRequest request)
    {
        var service = request.Service;
        var endpoints = context.Push.Endpoints.For(service.Key).Where(e => EndpointPorts.Serves(service, request.Port, e)).ToList();
        if (service.Registry != "Kubernetes" && endpoints.Count == 0 && service.Selector.Count == 0)
        {
            OutboundListenerMerger.Add(context, entries, request);
            return;
        }

        foreach (var endpoint in endpoints)
        {
            if (IPAddress.TryParse(endpoint.Address, out _) && endpoint.Address != context.Proxy.PrimaryIp)
            {
                OutboundListenerMerger.Add(context, entries, request with { Bind = endpoint.Address });
            }
        }
    }

    private static bool IsHeadlessTcp(OutboundListenerRequest request) =>
        request.Bind.Length == 0
        && request.Service.Resolution == Resolution.Passthrough
        && (request.Service.Addresses.IsDefaultOrEmpty || request.Service.Addresses[0] == EnvoyNames.WildcardIpv4)
        && (request.Port.Protocol.IsTcp() || request.Port.Protocol == Protocol.Unsupported);

    /// <summary>
    /// Listeners bind real ports only without iptables capture (interception NONE, captureMode NONE, or a Unix socket);
    /// then the bind defaults to localhost. Otherwise they are virtual, reached through the 15001 hand-off.
    /// </summary>
    private static (string Bind, bool BindToPort) Binding(GenerationContext context, SidecarEgressListener? listener)
    {
        var bindToPort = Interception.IsNone(context.Proxy)
            || listener?.CaptureMode == CaptureMode.None
            || (listener?.Bind.StartsWith(EnvoyProto.UnixAddressPrefix, StringComparison.Ordinal) ?? false);
        var bind = listener is { Bind.Length: > 0 } ? listener.Bind : bindToPort ? EnvoyNames.LocalhostIpv4 : "";
        return (bind, bindToPort);
    }
}
