namespace ControlPlane.LoadTest;

using System.Globalization;
using ControlPlane.LoadTest.Mesh;

/// <summary>
/// The command line: <c>[serve] --services S --endpoints E --clients P --deps D [--namespaces N] [--connections C]
/// [--churn-rate R] [--churn-seconds T] [--routed-every K] [--seed X] [--target HOST:PORT] [--in-process]
/// [--connect-timeout SECONDS] [--settle-seconds SECONDS] [--no-floor] [--control-port PORT] [--out FILE]</c>.
/// </summary>
internal sealed record LoadTestArguments
{
    public bool Serve { get; init; }

    public SyntheticMeshSpec Mesh { get; init; } = new();

    /// <summary>HTTP/2 connections the client streams share; 0 picks one per 100 streams (Kestrel's stream limit).</summary>
    public int Connections { get; init; }

    public double ChurnRate { get; init; } = 50;

    public double ChurnSeconds { get; init; } = 10;

    public string? Target { get; init; }

    public bool InProcess { get; init; }

    public bool Floor { get; init; } = true;

    public double ConnectTimeoutSeconds { get; init; } = 120;

    public double SettleSeconds { get; init; } = 30;

    public int ControlPort { get; init; }

    public string Out { get; init; } = "report.json";

    public int EffectiveConnections => Connections > 0 ? Connections : Math.Max(1, (Mesh.Clients + 99) / 100);

    public static LoadTestArguments Parse(IReadOnlyList<string> args)
    {
        var result = new LoadTestArguments { Serve = args.Count > 0 && args[0] == "serve" };
        for (var i = result.Serve ? 1 : 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            double Double() => double.Parse(Value(), CultureInfo.InvariantCulture);
            result = name switch
            {
                "--services" => result with { Mesh = result.Mesh with { Services = Int() } },
                "--endpoints" => result with { Mesh = result.Mesh with { Endpoints = Int() } },
                "--clients" => result with { Mesh = result.Mesh with { Clients = Int() } },
                "--deps" => result with { Mesh = result.Mesh with { Dependencies = Int() } },
                "--replicas" => result with { Mesh = result.Mesh with { Replicas = Int() } },
                "--namespaces" => result with { Mesh = result.Mesh with { Namespaces = Int() } },
                "--routed-every" => result with { Mesh = result.Mesh with { RoutedEvery = Int() } },
                "--seed" => result with { Mesh = result.Mesh with { Seed = Int() } },
                "--connections" => result with { Connections = Int() },
                "--churn-rate" => result with { ChurnRate = Double() },
                "--churn-seconds" => result with { ChurnSeconds = Double() },
                "--target" => result with { Target = Value() },
                "--in-process" => result with { InProcess = true },
                "--no-floor" => result with { Floor = false },
                "--connect-timeout" => result with { ConnectTimeoutSeconds = Double() },
                "--settle-seconds" => result with { SettleSeconds = Double() },
                "--control-port" => result with { ControlPort = Int() },
                "--out" => result with { Out = Value() },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        var problems = result.Mesh.Problems().ToList();
        if (result.ChurnRate <= 0 || result.ChurnSeconds <= 0)
        {
            problems.Add("--churn-rate and --churn-seconds must be positive");
        }

        return problems.Count == 0 ? result : throw new ArgumentException(string.Join("; ", problems));
    }

    /// <summary>The arguments that make a <c>serve</c> child build the same mesh.</summary>
    public static IEnumerable<string> ServeArguments(SyntheticMeshSpec spec) =>
    [
        "serve", "--services", Text(spec.Services), "--endpoints", Text(spec.Endpoints), "--clients", Text(spec.Clients),
        "--deps", Text(spec.Dependencies), "--namespaces", Text(spec.Namespaces), "--routed-every", Text(spec.RoutedEvery),
        "--replicas", Text(spec.Replicas),
        "--seed", Text(spec.Seed),
    ];

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
