namespace ControlPlane.LoadTest;

using ControlPlane.LoadTest.Hosting;

/// <summary>Entry point: <c>serve ...</c> hosts the control plane with the synthetic mesh; anything else runs the load test.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] argv)
    {
        LoadTestArguments args;
        try
        {
            args = LoadTestArguments.Parse(argv);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        if (args.Serve)
        {
            return await ServeCommand.RunAsync(args.Mesh, args.ControlPort).ConfigureAwait(false);
        }

        var report = await new LoadTestRun(args, Console.Out).RunAsync().ConfigureAwait(false);
        var json = report.ToJson();
        await File.WriteAllTextAsync(args.Out, json).ConfigureAwait(false);
        Console.WriteLine(json);
        return 0;
    }
}
