namespace ControlPlane.Benchmarks;

using BenchmarkDotNet.Attributes;
using ControlPlane.Model.Push;
using ControlPlane.Model.State;

/// <summary>Building a push context from scratch (every index), as a full push with no previous context does.</summary>
[MemoryDiagnoser]
public class PushContextBenchmarks
{
    private MeshSnapshot snapshot = MeshSnapshot.Empty;

    [Params(1_000, 10_000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup() => snapshot = BenchmarkMesh.Create(Services).Snapshot;

    [Benchmark]
    public PushContext Build() => PushContextBuilder.Build(snapshot);
}
