namespace ControlPlane.FunctionalTests.LoadTest;

using System.Text.Json;
using ControlPlane.LoadTest;
using ControlPlane.LoadTest.Mesh;

/// <summary>
/// The load test in its smallest configuration, in process: every scenario runs and the report keeps its invariants
/// (everyone converged, no false fan-out, nothing missed, bytes counted). No timing thresholds: speed is judged from the
/// report of a full run (docs/benchmarks.md), never here.
/// </summary>
public sealed class LoadTestSmokeTests
{
    private static readonly LoadTestArguments Tiny = new()
    {
        Mesh = new SyntheticMeshSpec { Services = 20, Namespaces = 4, Endpoints = 2, Clients = 10, Dependencies = 3 },
        ChurnRate = 50,
        ChurnSeconds = 1,
        InProcess = true,
        ConnectTimeoutSeconds = 30,
        SettleSeconds = 15,
    };

    [Fact]
    public async Task A_tiny_run_covers_every_scenario_and_keeps_the_reports_invariants()
    {
        var report = await new LoadTestRun(Tiny, TextWriter.Null).RunAsync();

        var connect = report.Scenarios["connect"];
        Assert.Equal(10, connect.ClientsDependent);
        Assert.Equal(10, connect.ClientsPushed);
        Assert.Equal(0, connect.ClientsDependentMissed);
        Assert.True(connect.BytesSent > 0);

        var churn = report.Scenarios["endpoint_churn"];
        Assert.Equal(50, churn.Changes);
        Assert.Equal(churn.ClientsDependent, churn.ClientsPushed);
        Assert.Equal(0, churn.ClientsPushedNotDependent);
        Assert.Equal(0, churn.ClientsDependentMissed);
        Assert.True(churn.BytesSent > 0);

        var routes = report.Scenarios["virtualservice_change"];
        Assert.True(routes.ClientsDependent > 0);
        Assert.Equal(routes.ClientsDependent, routes.ClientsPushed);
        Assert.Equal(0, routes.ClientsPushedNotDependent);

        var meshWide = report.Scenarios["mesh_wide_change"];
        Assert.Equal(10, meshWide.ClientsDependent);
        Assert.Equal(10, meshWide.ClientsPushed);
        Assert.Equal(0, meshWide.ClientsDependentMissed);

        Assert.NotNull(report.Floor);
        Assert.Equal(10, report.Floor.ClientsConverged);
        Assert.InRange(report.Floor.BytesSent, 1, connect.BytesSent);
        Assert.True(report.Floor.Ratio > 0);
        Assert.True(report.ControlPlane.CpuSeconds > 0);
        Assert.True(report.ControlPlane.PeakRssMb > 0);
        Assert.NotNull(report.ControlPlaneGcByScenario);
        Assert.True(report.ControlPlaneGcByScenario["connect"].AllocatedMb > 0, "the connect scenario allocated nothing");
    }

    [Fact]
    public async Task The_report_uses_the_field_names_the_issue_specifies()
    {
        var report = await new LoadTestRun(Tiny with { Floor = false, ChurnSeconds = 0.2 }, TextWriter.Null).RunAsync();

        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        foreach (var scenario in new[] { "connect", "endpoint_churn", "virtualservice_change", "mesh_wide_change" })
        {
            var figures = root.GetProperty("scenarios").GetProperty(scenario);
            foreach (var field in new[] { "p50_ms", "p95_ms", "p99_ms", "max_ms", "clients_pushed", "clients_dependent", "bytes_sent" })
            {
                Assert.True(figures.TryGetProperty(field, out _), $"scenarios.{scenario}.{field} missing");
            }
        }

        Assert.Equal(20, root.GetProperty("mesh").GetProperty("services").GetInt32());
        Assert.True(root.GetProperty("control_plane").TryGetProperty("cpu_seconds", out _));
        Assert.True(root.GetProperty("control_plane").TryGetProperty("peak_rss_mb", out _));
    }
}
