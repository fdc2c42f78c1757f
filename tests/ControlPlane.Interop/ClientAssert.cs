namespace ControlPlane.Interop;

using ControlPlane.Interop.Infrastructure;

/// <summary>Assertions on a client run whose failure messages carry the control plane's syncz and the client's output.</summary>
internal static class ClientAssert
{
    /// <summary>
    /// The run's summary; fails when the client never got a first call through, printed no summary, or NACKed anything
    /// it was sent (a NACK of a later update can hide behind calls that still succeed on cached config).
    /// </summary>
    public static ClientReport Summary(ClientRun run)
    {
        var nacks = SynczNacks.In(run.Syncz);
        That(nacks.Count == 0, $"the client NACKed: {string.Join("; ", nacks)}", run);
        if (run.Summary is { } summary)
        {
            return summary;
        }

        Assert.Fail(run.Explain(run.Warmup is { Ok: false }
            ? "the client's first calls never succeeded (warm-up failed)"
            : "the client printed no summary"));
        return null!;
    }

    public static void That(bool condition, string problem, ClientRun run)
    {
        if (!condition)
        {
            Assert.Fail(run.Explain(problem));
        }
    }

    /// <summary>Counts as <c>{a: 1, b: 2}</c>, ordered by key, for failure messages.</summary>
    public static string Format(IReadOnlyDictionary<string, int> counts) =>
        "{" + string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}")) + "}";
}
