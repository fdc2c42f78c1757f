namespace ControlPlane.Xds.Generation;

using ControlPlane.Model.Pushing;

/// <summary>
/// Produces one xDS type for one proxy. Implementations are pure functions of the <see cref="GenerationContext"/>: no I/O,
/// no mutable state, safe to call concurrently. Resources come back in a deterministic order.
/// </summary>
internal interface IResourceGenerator
{
    string TypeUrl { get; }

    /// <summary>
    /// Whether a push for <paramref name="request"/> can change this type's output at all (istiod's <c>cdsNeedsPush</c>
    /// and friends): lets a push skip types the change cannot affect. Endpoint-only requests affect only EDS.
    /// </summary>
    bool IsAffectedBy(PushRequest request);

    GeneratedResources Generate(GenerationContext context);
}
