namespace ControlPlane.Xds.Serving;

using System.Collections.Concurrent;
using System.Collections.Immutable;
using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Generation.Caching;
using ControlPlane.Xds.Metrics;
using Microsoft.Extensions.Logging;

/// <summary>
/// The server's door to the generators (<see cref="IGeneratorSelector"/>): finds the generator for a proxy and type
/// (logging once per type when there is none), runs it, and enforces the response contract: only resources the
/// subscription wants, each packed with the response's type URL. A generator failure is logged and counted as an
/// internal error and yields null, so that type is skipped without breaking the stream. Thread-safe.
/// </summary>
internal sealed class ResourceSource(IGeneratorSelector selector, ResourceCaches caches, XdsMetrics metrics, ILogger<ResourceSource> logger)
{
    private readonly ConcurrentDictionary<string, bool> reportedUnsupported = new(StringComparer.Ordinal);

    public IResourceGenerator? GeneratorFor(Proxy proxy, string typeUrl)
    {
        var generator = selector.For(proxy, typeUrl);
        if (generator is null && reportedUnsupported.TryAdd(typeUrl, true))
        {
            ServingLog.Unsupported(logger, typeUrl, proxy.Id);
        }

        return generator;
    }

    public GeneratedResources? Generate(IResourceGenerator generator, PushContext push, Proxy proxy, WatchedResources watched)
    {
        GeneratedResources generated;
        try
        {
            generated = generator.Generate(new GenerationContext(push, proxy, push.ScopeFor(proxy), watched) { Caches = caches });
        }
        catch (Exception e)
        {
            metrics.InternalError();
            ServingLog.GenerationFailed(logger, generator.TypeUrl, proxy.Id, e);
            return null;
        }

        return Conform(generated, generator.TypeUrl, watched);
    }

    private GeneratedResources Conform(GeneratedResources generated, string typeUrl, WatchedResources watched)
    {
        var conforming = true;
        foreach (var resource in generated.Resources)
        {
            conforming &= resource.Resource.TypeUrl == typeUrl && watched.Wants(resource.Name);
        }

        if (conforming)
        {
            return generated;
        }

        var kept = ImmutableArray.CreateBuilder<NamedResource>(generated.Resources.Length);
        foreach (var resource in generated.Resources)
        {
            if (resource.Resource.TypeUrl != typeUrl)
            {
                metrics.InternalError();
                ServingLog.WrongType(logger, typeUrl, resource.Name, resource.Resource.TypeUrl);
            }
            else if (watched.Wants(resource.Name))
            {
                kept.Add(resource);
            }
        }

        return new GeneratedResources(kept.ToImmutable());
    }
}
