namespace ControlPlane.Xds.Generation.Endpoints;

using System.Collections.Immutable;
using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Endpoint.V3;

/// <summary>
/// EDS for Envoy sidecars (<c>EdsGenerator</c> / <c>EndpointBuilder.BuildClusterLoadAssignment</c>). Answers every
/// requested name: a name that resolves to nothing gets an empty assignment, because Envoy keeps an EDS cluster warming
/// until it receives one.
/// </summary>
internal sealed class EndpointGenerator : IResourceGenerator
{
    public string TypeUrl => TypeUrls.Endpoint;

    public bool IsAffectedBy(PushRequest request) => PushFilter.Endpoints.IsAffectedBy(request);

    public GeneratedResources Generate(GenerationContext context)
    {
        var resources = context.Watched.Names
            .Order(StringComparer.Ordinal)
            .Select(name => new NamedResource(name, EnvoyProto.Pack(Build(context, name))))
            .ToImmutableArray();
        return new GeneratedResources(resources);
    }

    /// <summary>The assignment for one cluster name.</summary>
    public static ClusterLoadAssignment Build(GenerationContext context, string clusterName)
    {
        var assignment = new ClusterLoadAssignment { ClusterName = clusterName };
        if (ClusterEndpoints.Resolve(context, clusterName) is not { } source)
        {
            return assignment;
        }

        var rule = source.Rule;
        var selected = EndpointSelection.Select(
            context.Push.Endpoints.For(source.Service.Key), source.Service, source.Port, source.SubsetLabels, requireIpAddress: true);
        assignment.Endpoints.AddRange(LocalityEndpointsBuilder.Build(selected, e => LbEndpointBuilder.Build(
            e, source.Service, EndpointMutualTls.IsEnabled(e, rule, source.Subset, source.Port.Port), context.Proxy.ClusterId)));
        return assignment;
    }
}
