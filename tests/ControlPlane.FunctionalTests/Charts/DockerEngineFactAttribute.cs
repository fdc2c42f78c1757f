namespace ControlPlane.FunctionalTests.Charts;

/// <summary>A fact that needs a Docker engine; skipped, with the reason, where none answers.</summary>
internal sealed class DockerEngineFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(() =>
    {
        var docker = ExternalTool.Find("docker");
        if (docker is null)
        {
            return "docker is not installed";
        }

        var (exitCode, _) = ExternalTool.Run(docker, ["version", "--format", "{{.Server.Version}}"], TimeSpan.FromSeconds(15));
        return exitCode == 0 ? null : "no Docker engine answers (docker version failed)";
    });

    public DockerEngineFactAttribute()
    {
        if (Missing.Value is { } reason)
        {
            Skip = reason;
        }
    }
}
