namespace Microsoft.Extensions.DependencyInjection;

using ControlPlane.Kubernetes.Cluster;
using ControlPlane.Kubernetes.Schema;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.State;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

public static class ClusterSourceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Kubernetes cluster source: a singleton <see cref="KubernetesClusterSource"/> run as a hosted service
    /// and exposed as an <see cref="IConfigDiagnostics"/>. It registers its initial sync with <c>MeshReadiness</c> itself.
    /// Options are validated when the source is created (a missing kubeconfig file fails then, with its path).
    /// Expects <c>MeshStore</c> and <c>MeshReadiness</c> singletons. When a <see cref="CrdSchemaSet"/> singleton is
    /// registered, Istio objects of the kinds it defines are schema-checked before conversion. With
    /// <see cref="ClusterSourceOptions.WriteStatus"/>, the source also runs leader election and, while leader, writes
    /// validation results into the Istio objects' status; both start and stop with it.
    /// </summary>
    public static IServiceCollection AddKubernetesClusterSource(this IServiceCollection services, Action<ClusterSourceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ClusterSourceOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterSourceOptions>, ClusterSourceOptionsValidator>());
        services.TryAddSingleton(sp => new KubernetesClusterSource(
            sp.GetRequiredService<MeshStore>(),
            sp.GetRequiredService<MeshReadiness>(),
            sp.GetRequiredService<IOptions<ClusterSourceOptions>>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<CrdSchemaSet>()));
        services.AddHostedService(sp => sp.GetRequiredService<KubernetesClusterSource>());
        services.AddSingleton<IConfigDiagnostics>(sp => sp.GetRequiredService<KubernetesClusterSource>());
        return services;
    }
}
