namespace ControlPlane.Interop.Infrastructure;

using System.Globalization;

/// <summary>
/// Runs <c>client.js</c>, the proxyless gRPC client, against the control plane's ADS port. Every call the client makes
/// carries a deadline (xDS resolution problems never fail fast), and every run here is bounded by a timeout.
/// </summary>
internal static class InteropClient
{
    /// <summary>
    /// Runs <paramref name="calls"/> calls. The client holds its xDS stream open after its last report until this side
    /// has taken <paramref name="captureState"/> (the control plane's syncz), then is told to exit.
    /// <paramref name="overrides"/> are further <c>--name value</c> pairs; they come last, so they win over the defaults.
    /// </summary>
    public static async Task<ClientRun> RunAsync(
        int xdsPort, string target, int calls, Func<Task<string>> captureState, IEnumerable<string>? headers = null,
        IEnumerable<string>? overrides = null)
    {
        var arguments = Arguments(xdsPort, target, headers)
            .Concat(["--mode", "run", "--hold", "true", "--calls", calls.ToString(CultureInfo.InvariantCulture)])
            .Concat(overrides ?? []);
        await using var process = NodeProcess.Start("client.js", arguments);
        var reports = new List<ClientReport>();
        var state = "(not captured: the client printed no final report)";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        try
        {
            while (await process.ReadLineAsync(timeout.Token) is { } line)
            {
                if (ClientReport.TryParse(line) is not { } report)
                {
                    continue;
                }

                reports.Add(report);
                if (report.Event == "summary" || report is { Event: "warmup", Ok: false })
                {
                    state = await captureState();
                    process.CloseInput();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Timed out: the caller sees a run without a summary, with whatever the client printed.
            state = await captureState();
        }

        return new ClientRun(reports, process.StandardOutput, process.StandardError, state);
    }

    /// <summary>Starts a client in watch mode: one <c>batch</c> report per <paramref name="batchSize"/> calls until stdin closes.</summary>
    public static NodeProcess StartWatch(int xdsPort, string target, int batchSize, TimeSpan maxDuration) =>
        NodeProcess.Start("client.js", Arguments(xdsPort, target, null).Concat(
        [
            "--mode", "watch",
            "--batch", batchSize.ToString(CultureInfo.InvariantCulture),
            "--duration-ms", ((int)maxDuration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        ]));

    private static IEnumerable<string> Arguments(int xdsPort, string target, IEnumerable<string>? headers)
    {
        yield return "--xds-server";
        yield return $"127.0.0.1:{xdsPort.ToString(CultureInfo.InvariantCulture)}";
        yield return "--target";
        yield return target;
        yield return "--deadline-ms";
        yield return "2000";
        yield return "--warmup-ms";
        yield return "20000";
        yield return "--concurrency";
        yield return "10";
        foreach (var header in headers ?? [])
        {
            yield return "--header";
            yield return header;
        }
    }
}
