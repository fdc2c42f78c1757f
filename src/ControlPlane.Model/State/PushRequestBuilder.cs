namespace ControlPlane.Model.State;

using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Pushing;

/// <summary>Accumulates what one applied delta changed into a single <see cref="PushRequest"/>.</summary>
internal sealed class PushRequestBuilder
{
    private readonly ImmutableHashSet<ConfigKey>.Builder keys = ImmutableHashSet.CreateBuilder<ConfigKey>();
    private readonly Dictionary<PushReason, int> reasons = [];
    private bool full;
    private bool global;

    public void Full(PushReason reason, ConfigKey key)
    {
        full = true;
        keys.Add(key);
        Count(reason);
    }

    public void Endpoints(ConfigKey serviceKey)
    {
        keys.Add(serviceKey);
        Count(PushReason.EndpointUpdate);
    }

    public void Global(PushReason reason)
    {
        full = true;
        global = true;
        Count(reason);
    }

    public PushRequest? Build()
    {
        if (reasons.Count == 0)
        {
            return null;
        }

        return new PushRequest
        {
            Full = full,
            ConfigsUpdated = global ? [] : keys.ToImmutable(),
            Reasons = reasons.ToImmutableDictionary(),
        };
    }

    private void Count(PushReason reason) => reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
}
