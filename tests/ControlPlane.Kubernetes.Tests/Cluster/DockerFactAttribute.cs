namespace ControlPlane.Kubernetes.Tests.Cluster;

/// <summary>A fact that needs a Docker daemon; where there is none it is skipped and the skip reason says so.</summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (!DockerAvailable())
        {
            Skip = "Docker is not available (no DOCKER_HOST and no /var/run/docker.sock): the k3s tests need it";
        }
    }

    private static bool DockerAvailable() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");
}
