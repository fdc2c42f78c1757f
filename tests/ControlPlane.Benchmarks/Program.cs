namespace ControlPlane.Benchmarks;

using BenchmarkDotNet.Running;

/// <summary>Runs the benchmarks BenchmarkDotNet's switcher selects (e.g. <c>--filter *Generator*</c>).</summary>
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
