namespace Microsoft.Extensions.DependencyInjection;

using ControlPlane.Kubernetes.Mesh;
using ControlPlane.Model.State;
using Microsoft.Extensions.Logging;

public static class MeshConfigFileServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="MeshConfigFileSource"/> for <paramref name="path"/>, run as a hosted service. The caller
    /// applies the file with <see cref="MeshConfigFileSource.LoadInitial"/> before sources load. Expects a <c>MeshStore</c> singleton.
    /// </summary>
    public static IServiceCollection AddMeshConfigFile(this IServiceCollection services, string path)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(path);
        services.AddSingleton(sp => new MeshConfigFileSource(
            sp.GetRequiredService<MeshStore>(), path, sp.GetRequiredService<ILogger<MeshConfigFileSource>>()));
        services.AddHostedService(sp => sp.GetRequiredService<MeshConfigFileSource>());
        return services;
    }
}
