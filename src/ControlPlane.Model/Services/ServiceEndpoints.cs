namespace ControlPlane.Model.Services;

using System.Collections.Immutable;

/// <summary>Every endpoint of one service, replaced whole by the source that owns it.</summary>
public sealed record ServiceEndpoints(ServiceKey Service, ImmutableArray<Endpoint> Endpoints)
{
    public static ServiceEndpoints Empty(ServiceKey service) => new(service, []);
}
