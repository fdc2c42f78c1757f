namespace ControlPlane.Xds.Tests.Serving.Fakes;

using System.Collections.Immutable;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;

/// <summary>Builders for services and endpoints, applied to a <see cref="MeshStore"/> as source <c>test</c>.</summary>
internal static class TestMesh
{
    public const string Source = "test";

    public static Service Service(string name, string ns = "default", params int[] ports) => new()
    {
        Hostname = $"{name}.{ns}.svc.cluster.local",
        Namespace = ns,
        Name = name,
        Ports = [.. (ports.Length == 0 ? [9080] : ports).Select(p => new ServicePort($"http-{p}", p, Protocol.Http))],
    };

    public static ServiceEndpoints Endpoints(Service service, params string[] addresses) =>
        new(service.Key, [.. addresses.Select(a => new Endpoint { Address = a, Port = service.Ports[0].Port, ServicePortName = service.Ports[0].Name })]);

    public static string ClusterOf(Service service) => $"outbound|{service.Ports[0].Port}||{service.Hostname}";

    public static void Upsert(this MeshStore store, params Service[] services) =>
        store.Apply(Source, new MeshDelta { UpsertedServices = [.. services] });

    public static void Remove(this MeshStore store, params Service[] services) =>
        store.Apply(Source, new MeshDelta { RemovedServices = [.. services.Select(s => s.Key)] });

    public static void SetEndpoints(this MeshStore store, Service service, params string[] addresses) =>
        store.Apply(Source, new MeshDelta { UpsertedEndpoints = ImmutableArray.Create(Endpoints(service, addresses)) });
}
