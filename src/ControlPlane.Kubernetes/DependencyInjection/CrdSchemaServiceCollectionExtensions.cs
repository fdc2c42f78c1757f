namespace Microsoft.Extensions.DependencyInjection;

using ControlPlane.Kubernetes.Schema;

public static class CrdSchemaServiceCollectionExtensions
{
    /// <summary>The API group whose kinds the sources serve; a bundle without it would check nothing they read.</summary>
    private const string IstioNetworking = "networking.istio.io";

    /// <summary>
    /// Loads a CustomResourceDefinition bundle (Istio's <c>crd-all.gen.yaml</c>) now and registers it, so that the YAML
    /// and cluster sources check every object of a kind it defines against its schema and CEL rules before converting it.
    /// Loading here, not on first use, makes an unreadable or wrong file stop the host before it serves anything.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file cannot be read or defines no networking.istio.io kind.</exception>
    public static IServiceCollection AddCrdSchemas(this IServiceCollection services, string bundlePath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(bundlePath);
        var schemas = CrdSchemaSet.TryLoad(bundlePath, out var error)
            ?? throw new InvalidOperationException(error);
        if (!schemas.DefinesGroup(IstioNetworking))
        {
            throw new InvalidOperationException($"CRD file '{bundlePath}' defines no {IstioNetworking} CustomResourceDefinition; expected Istio's CRD bundle (crd-all.gen.yaml)");
        }

        services.AddSingleton(schemas);
        return services;
    }
}
