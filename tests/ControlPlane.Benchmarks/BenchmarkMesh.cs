namespace ControlPlane.Benchmarks;

using ControlPlane.LoadTest.Mesh;
using ControlPlane.Model.State;

/// <summary>The load test's synthetic mesh in a bare <see cref="MeshStore"/>: the same records the load test serves.</summary>
internal static class BenchmarkMesh
{
    public static (SyntheticMesh Mesh, MeshSnapshot Snapshot) Create(int services)
    {
        var mesh = SyntheticMesh.Create(new SyntheticMeshSpec
        {
            Services = services, Namespaces = 100, Endpoints = 5, Clients = 2000, Dependencies = 20,
        });
        var store = new MeshStore();
        store.Apply(SyntheticMesh.Source, mesh.InitialDelta());
        return (mesh, store.Current);
    }
}
