namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Net;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.ServiceEntries;
using ControlPlane.Model.Hosts;
using ControlPlane.Model.Services;

/// <summary>networking.istio.io ServiceEntry, checked with istiod's rules for hosts, ports, resolution and endpoints.</summary>
internal static class ServiceEntryConverter
{
    private static readonly FrozenDictionary<string, MeshLocation> Locations =
        new Dictionary<string, MeshLocation>(StringComparer.Ordinal)
        {
            ["MESH_EXTERNAL"] = MeshLocation.External, ["MESH_INTERNAL"] = MeshLocation.Internal,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Resolution> Resolutions =
        new Dictionary<string, Resolution>(StringComparer.Ordinal)
        {
            ["NONE"] = Resolution.Passthrough,
            ["STATIC"] = Resolution.ClientSideLb,
            ["DNS"] = Resolution.Dns,
            ["DNS_ROUND_ROBIN"] = Resolution.DnsRoundRobin,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ServiceEntry? Convert(FieldReader root, ConversionScope scope)
    {
        var spec = root.Object("spec", required: true);
        if (spec is null)
        {
            return null;
        }

        var entry = new ServiceEntry
        {
            Meta = scope.ConfigMeta(),
            Hosts = spec.Strings("hosts", required: true),
            Addresses = spec.Strings("addresses"),
            Ports = spec.Array("ports", IstioPortConverter.ReadServicePort),
            Location = spec.Enum("location", Locations) ?? MeshLocation.External,
            Resolution = spec.Enum("resolution", Resolutions) ?? Resolution.Passthrough,
            Endpoints = spec.Array("endpoints", WorkloadEntryConverter.ConvertSpec),
            WorkloadSelector = WorkloadSelectorConverter.Read(spec, WorkloadSelectorConverter.Labels),
            ExportTo = spec.Strings("exportTo"),
            SubjectAltNames = spec.Strings("subjectAltNames"),
        };
        CheckHosts(spec, entry);
        CheckPorts(spec, entry.Ports);
        CheckEndpoints(spec, entry);
        return entry;
    }

    private static void CheckHosts(FieldReader spec, ServiceEntry entry)
    {
        for (var i = 0; i < entry.Hosts.Length; i++)
        {
            var host = entry.Hosts[i];
            if (host.Length == 0 || host == "*")
            {
                spec.Error($"hosts[{i}]", "must be a host name or a *.suffix wildcard, not empty or *");
            }
            else if (HostName.IsWildcard(host) && entry.Resolution is Resolution.Dns or Resolution.DnsRoundRobin && entry.Endpoints.IsEmpty)
            {
                spec.Error($"hosts[{i}]", $"wildcard host '{host}' cannot be resolved by DNS; list endpoints or use resolution NONE");
            }
        }

        for (var i = 0; i < entry.Addresses.Length; i++)
        {
            if (!IPAddress.TryParse(entry.Addresses[i], out _) && !IPNetwork.TryParse(entry.Addresses[i], out _))
            {
                spec.Error($"addresses[{i}]", $"'{entry.Addresses[i]}' is not an IP address or CIDR range");
            }
            else if (entry.Addresses[i].Contains('/', StringComparison.Ordinal) && entry.Resolution is Resolution.Dns or Resolution.DnsRoundRobin)
            {
                spec.Error($"addresses[{i}]", $"CIDR address '{entry.Addresses[i]}' is allowed only for NONE/STATIC resolution types");
            }
        }
    }

    private static void CheckPorts(FieldReader spec, ImmutableArray<ServicePort> ports)
    {
        var numbers = new HashSet<int>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ports.Length; i++)
        {
            if (!numbers.Add(ports[i].Port))
            {
                spec.Error($"ports[{i}].number", $"port {ports[i].Port} is declared more than once");
            }

            if (!names.Add(ports[i].Name))
            {
                spec.Error($"ports[{i}].name", $"port name '{ports[i].Name}' is declared more than once");
            }
        }
    }

    private static void CheckEndpoints(FieldReader spec, ServiceEntry entry)
    {
        if (!entry.Endpoints.IsEmpty && entry.WorkloadSelector is not null)
        {
            spec.Error("workloadSelector", "cannot be combined with endpoints");
        }

        if (entry.Resolution == Resolution.Passthrough && !entry.Endpoints.IsEmpty)
        {
            spec.Error("endpoints", "must be empty for resolution NONE (the proxy forwards to the original destination)");
        }

        if (entry.Resolution == Resolution.Passthrough && entry.WorkloadSelector is not null)
        {
            spec.Warning("workloadSelector", "should not be set when resolution mode is NONE");
        }

        if (entry.Resolution == Resolution.DnsRoundRobin && entry.Endpoints.Length > 1)
        {
            spec.Error("endpoints", "DNS_ROUND_ROBIN mode cannot have multiple endpoints");
        }

        if (entry.Resolution == Resolution.ClientSideLb && entry.Endpoints.IsEmpty && entry.WorkloadSelector is null)
        {
            spec.Warning("endpoints", "resolution STATIC without endpoints or a workloadSelector leaves the service with no endpoints");
        }

        var portNames = entry.Ports.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < entry.Endpoints.Length; i++)
        {
            CheckEndpoint(spec, $"endpoints[{i}]", entry.Endpoints[i], entry.Resolution, portNames);
        }
    }

    private static void CheckEndpoint(FieldReader spec, string path, WorkloadEntrySpec endpoint, Resolution resolution, HashSet<string> portNames)
    {
        var isIp = IPAddress.TryParse(endpoint.Address, out _) || endpoint.Address.StartsWith("unix://", StringComparison.Ordinal);
        if (resolution == Resolution.ClientSideLb && !isIp)
        {
            spec.Error($"{path}.address", $"'{endpoint.Address}' must be an IP address for resolution STATIC");
        }

        foreach (var name in endpoint.Ports.Keys.Where(name => !portNames.Contains(name)))
        {
            spec.Error($"{path}.ports.{name}", $"port '{name}' is not declared in spec.ports");
        }
    }
}
