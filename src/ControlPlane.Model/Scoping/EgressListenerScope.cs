namespace ControlPlane.Model.Scoping;

using System.Collections.Immutable;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Indexes;
using ControlPlane.Model.Services;

/// <summary>One egress listener of a scope: its host selectors and what they select.</summary>
public sealed record EgressListenerScope(
    SidecarEgressListener? Listener,
    ImmutableArray<EgressHostSelector> Hosts,
    ImmutableArray<Service> Services,
    ImmutableArray<VirtualServiceEntry> VirtualServices)
{
    public bool Selects(string objectNamespace, string hostname)
    {
        foreach (var selector in Hosts)
        {
            if (selector.Matches(objectNamespace, hostname))
            {
                return true;
            }
        }

        return false;
    }
}
