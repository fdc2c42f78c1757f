namespace Microsoft.Extensions.DependencyInjection;

using ControlPlane.Kubernetes.Schema;
using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.State;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

public static class YamlSourceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the YAML-directory source: a singleton <see cref="YamlDirectorySource"/> (await its
    /// <see cref="YamlDirectorySource.InitialLoad"/> before reporting ready), run as a hosted service and exposed as an
    /// <see cref="IConfigDiagnostics"/>. Options are validated on start. Expects a <c>MeshStore</c> singleton. When a
    /// <see cref="CrdSchemaSet"/> singleton is registered, objects of the kinds it defines are schema-checked on every load.
    /// </summary>
    public static IServiceCollection AddYamlDirectorySource(this IServiceCollection services, Action<YamlSourceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<YamlSourceOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<YamlSourceOptions>, YamlSourceOptionsValidator>());
        services.TryAddSingleton(sp => new YamlDirectorySource(
            sp.GetRequiredService<MeshStore>(),
            sp.GetRequiredService<IOptions<YamlSourceOptions>>(),
            sp.GetRequiredService<ILogger<YamlDirectorySource>>(),
            sp.GetService<CrdSchemaSet>()));
        services.AddHostedService(sp => sp.GetRequiredService<YamlDirectorySource>());
        services.AddSingleton<IConfigDiagnostics>(sp => sp.GetRequiredService<YamlDirectorySource>());
        return services;
    }
}
