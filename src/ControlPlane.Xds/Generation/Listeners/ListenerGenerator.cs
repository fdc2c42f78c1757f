namespace ControlPlane.Xds.Generation.Listeners;

using System.Collections.Immutable;
using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Listener.V3;

/// <summary>
/// LDS for Envoy sidecars (<c>buildSidecarListeners</c>), in istiod's order: outbound listeners, <c>virtualOutbound</c>,
/// then the inbound listeners (<c>virtualInbound</c>, then Sidecar ingress listeners binding their own port). Interception
/// mode NONE drops both virtual listeners; inbound listeners then come only from Sidecar ingress entries.
/// </summary>
internal sealed class ListenerGenerator : IResourceGenerator
{
    public string TypeUrl => TypeUrls.Listener;

    public bool IsAffectedBy(PushRequest request) => PushFilter.FullOnly.IsAffectedBy(request);

    public GeneratedResources Generate(GenerationContext context)
    {
        if (context.Push.Mesh.ProxyListenPort <= 0)
        {
            return GeneratedResources.Empty;
        }

        var listeners = new List<Listener>(OutboundListenerBuilder.Build(context));
        if (!Interception.IsNone(context.Proxy))
        {
            listeners.Add(VirtualListenerBuilder.Outbound(context));
        }

        listeners.AddRange(InboundListenerBuilder.Build(context, ServiceTargets.For(context)));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var resources = listeners
            .Where(l => seen.Add(l.Name) && context.Watched.Wants(l.Name))
            .Select(l => new NamedResource(l.Name, EnvoyProto.Pack(l)))
            .ToImmutableArray();
        return new GeneratedResources(resources);
    }
}
