using ControlPlane.Host;
using ControlPlane.Host.Cli;

// The offline verb runs without a host: dispatched before the serving command line is parsed.
if (args is ["validate", ..])
{
    return await ValidateCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

var (options, error) = CommandLine.Parse(args);
if (options is null)
{
    if (!string.IsNullOrEmpty(error))
    {
        await Console.Error.WriteLineAsync($"error: {error}");
    }

    await Console.Error.WriteLineAsync(CommandLine.Usage);
    return string.IsNullOrEmpty(error) ? 0 : 2;
}

var app = ControlPlaneApplication.Build(options);
await app.RunAsync();
return 0;
