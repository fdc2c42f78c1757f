namespace ControlPlane.Model.State;

using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.Services;

/// <summary>
/// The current state of the mesh, merged from every source, and the origin of every push request.
/// Writers are serialized by a lock; readers take <see cref="Current"/>, an immutable snapshot swapped whole.
/// </summary>
public sealed class MeshStore
{
    private readonly object gate = new();
    private readonly LayeredMap<ServiceKey, Service> services = new();
    private readonly LayeredMap<ServiceKey, ServiceEndpoints> endpoints = new();
    private readonly LayeredMap<ConfigKey, IstioConfig> configs = new();
    private readonly LayeredMap<string, ImmutableDictionary<string, string>> namespaces = new();
    private readonly List<IPushRequestSink> sinks = [];
    private MeshSnapshot current = MeshSnapshot.Empty;

    public MeshSnapshot Current => Volatile.Read(ref current);

    /// <summary>Adds a sink; it sees every change applied after this call.</summary>
    public void Subscribe(IPushRequestSink sink)
    {
        lock (gate)
        {
            sinks.Add(sink);
        }
    }

    public void SetMeshConfig(MeshConfig mesh)
    {
        lock (gate)
        {
            Publish(Current with { Mesh = mesh }, PushRequest.Global(PushReason.GlobalUpdate));
        }
    }

    /// <summary>Applies one source's change and raises the push request describing it. Returns the request, or null if nothing changed.</summary>
    public PushRequest? Apply(string source, MeshDelta delta)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        if (delta.IsEmpty)
        {
            return null;
        }

        lock (gate)
        {
            var changes = new PushRequestBuilder();
            ApplyServices(source, delta, changes);
            ApplyConfigs(source, delta, changes);
            ApplyNamespaces(source, delta, changes);
            var request = changes.Build();
            if (request is null)
            {
                return null;
            }

            Publish(Current with
            {
                Services = services.Merged,
                Endpoints = endpoints.Merged,
                Configs = configs.Merged,
                Namespaces = namespaces.Merged,
            }, request);
            return request;
        }
    }

    private void ApplyServices(string source, MeshDelta delta, PushRequestBuilder changes)
    {
        foreach (var service in delta.UpsertedServices)
        {
            services.Set(source, service.Key, service);
            changes.Full(PushReason.ServiceUpdate, ServiceKeyOf(service.Key));
        }

        foreach (var key in delta.RemovedServices)
        {
            if (services.Remove(source, key))
            {
                changes.Full(PushReason.ServiceUpdate, ServiceKeyOf(key));
            }

            endpoints.Remove(source, key);
        }

        foreach (var serviceEndpoints in delta.UpsertedEndpoints)
        {
            endpoints.Set(source, serviceEndpoints.Service, serviceEndpoints);
            changes.Endpoints(ServiceKeyOf(serviceEndpoints.Service));
        }
    }

    private void ApplyConfigs(string source, MeshDelta delta, PushRequestBuilder changes)
    {
        foreach (var config in delta.UpsertedConfigs)
        {
            configs.Set(source, config.Key, config);
            changes.Full(PushReason.ConfigUpdate, config.Key);
        }

        foreach (var key in delta.RemovedConfigs)
        {
            if (configs.Remove(source, key))
            {
                changes.Full(PushReason.ConfigUpdate, key);
            }
        }
    }

    private void ApplyNamespaces(string source, MeshDelta delta, PushRequestBuilder changes)
    {
        foreach (var ns in delta.UpsertedNamespaces)
        {
            namespaces.Set(source, ns.Name, ns.Labels);
            changes.Global(PushReason.NamespaceUpdate);
        }

        foreach (var name in delta.RemovedNamespaces)
        {
            if (namespaces.Remove(source, name))
            {
                changes.Global(PushReason.NamespaceUpdate);
            }
        }
    }

    private void Publish(MeshSnapshot next, PushRequest request)
    {
        next = next with { Version = current.Version + 1 };
        Volatile.Write(ref current, next);
        foreach (var sink in sinks)
        {
            sink.Enqueue(request, next);
        }
    }

    private static ConfigKey ServiceKeyOf(ServiceKey key) => new(ConfigKind.Service, key.Namespace, key.Hostname);
}
