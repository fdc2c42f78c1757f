namespace ControlPlane.Xds.Generation.Endpoints;

using System.Collections.Immutable;
using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Endpoint.V3;

/// <summary>
/// EDS for Envoy sidecars (<c>EdsGenerator</c> / <c>EndpointBuilder.BuildClusterLoadAssignment</c>). Answers every
/// requested name: a name that resolves to nothing gets an empty assignment, because Envoy keeps an EDS cluster warming
/// until it receives one. Assignments come from the server's EDS cache, keyed by <see cref="EndpointInputs"/>.
/// </summary>
internal sealed class EndpointGenerator : IResourceGenerator
{
    public string TypeUrl => TypeUrls.Endpoint;

    public bool IsAffectedBy(PushRequest request) => PushFilter.Endpoints.IsAffectedBy(request);

    public GeneratedResources Generate(GenerationContext context)
    {
        var resources = ImmutableArray.CreateBuilder<NamedResource>(context.Watched.Names.Count);
        foreach (var name in context.Watched.Names.Order(StringComparer.Ordinal))
        {
            resources.Add(ClusterEndpoints.Resolve(context, name) is { } inputs
                ? context.Caches.Endpoints.GetOrBuild(inputs, BuildPacked)[0]
                : new NamedResource(name, EnvoyProto.Pack(new ClusterLoadAssignment { ClusterName = name })));
        }

        return new GeneratedResources(resources.MoveToImmutable());
    }

    /// <summary>The assignment for one cluster name, as the proxy of <paramref name="context"/> sees it.</summary>
    public static ClusterLoadAssignment Build(GenerationContext context, string clusterName) =>
        ClusterEndpoints.Resolve(context, clusterName) is { } inputs ? Build(inputs) : new ClusterLoadAssignment { ClusterName = clusterName };

    /// <summary>The assignment built from exactly <paramref name="inputs"/>.</summary>
    public static ClusterLoadAssignment Build(EndpointInputs inputs)
    {
        var assignment = new ClusterLoadAssignment { ClusterName = inputs.ClusterName };
        var rule = inputs.Rule;
        var selected = EndpointSelection.Select(inputs.Endpoints, inputs.Service, inputs.Port, inputs.SubsetLabels, requireIpAddress: true);
        var endpoints = new LbEndpointBuilder(inputs.Service, inputs.ClusterId);
        assignment.Endpoints.AddRange(LocalityEndpointsBuilder.Build(
            selected,
            e => endpoints.Build(e, EndpointMutualTls.IsEnabled(e, rule, inputs.Subset, inputs.Port.Port)),
            out var groupEndpoints));
        if (inputs.LocalityLb is { } locality && assignment.Endpoints.Count > 0)
        {
            LocalityLoadBalancer.Apply(assignment, groupEndpoints, locality.Setting, locality.EnableFailover, locality.ProxyLocality, locality.PriorityLabels);
        }

        return assignment;
    }

    private static ImmutableArray<NamedResource> BuildPacked(EndpointInputs inputs) =>
        [new NamedResource(inputs.ClusterName, EnvoyProto.Pack(Build(inputs)))];
}
