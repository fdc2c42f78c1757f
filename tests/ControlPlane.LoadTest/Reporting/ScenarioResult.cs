namespace ControlPlane.LoadTest.Reporting;

/// <summary>
/// One scenario's figures, in the report's field names. Latencies run from the change being applied (for connect: from
/// the streams being opened) to a client's ACK; <see cref="MaxMs"/> is the last dependent client's. For endpoint churn
/// the percentiles are over changes (each change's last dependent ACK), for the others over the dependent clients.
/// </summary>
internal sealed record ScenarioResult
{
    public double P50Ms { get; init; }

    public double P95Ms { get; init; }

    public double P99Ms { get; init; }

    public double MaxMs { get; init; }

    /// <summary>Clients that received anything during the scenario.</summary>
    public int ClientsPushed { get; init; }

    /// <summary>Clients that truly depend on the change(s), from the synthetic mesh's own dependency graph.</summary>
    public int ClientsDependent { get; init; }

    public long BytesSent { get; init; }

    /// <summary>Clients pushed that do not depend on any change (false fan-out); should be 0.</summary>
    public int ClientsPushedNotDependent { get; init; }

    /// <summary>Dependent clients that never received their update within the wait; should be 0.</summary>
    public int ClientsDependentMissed { get; init; }

    public int Changes { get; init; }

    /// <summary>Pushes the control plane released during the scenario (<c>/debug/push_status</c>).</summary>
    public int ServerPushes { get; init; }

    /// <summary>Connections the control plane selected for those pushes; above clients_dependent means server-side fan-out.</summary>
    public int ServerProxiesSelected { get; init; }

    public int Responses { get; init; }

    public static ScenarioResult FromLatencies(IReadOnlyCollection<double> latenciesMs) => new()
    {
        P50Ms = Percentile(latenciesMs, 50),
        P95Ms = Percentile(latenciesMs, 95),
        P99Ms = Percentile(latenciesMs, 99),
        MaxMs = latenciesMs.Count == 0 ? 0 : Math.Round(latenciesMs.Max(), 3),
    };

    /// <summary>Nearest-rank percentile, rounded to microseconds.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 3);
    }
}
