using ControlPlane.Host.Cli;

// Interim entry point while the pipeline's stages land; replaced by the full host in this change.
var (options, error) = CommandLine.Parse(args);
await Console.Error.WriteLineAsync(options is null ? error ?? CommandLine.Usage : "not wired yet");
return 2;
