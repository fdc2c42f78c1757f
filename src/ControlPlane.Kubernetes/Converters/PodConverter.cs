namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Endpoints;
using ControlPlane.Kubernetes.Validation;

/// <summary>
/// v1 Pod to <see cref="PodInfo"/>. Pod specs are large and almost entirely irrelevant to the mesh, so spec and status
/// are read leniently (no unknown-field warnings); only the fields used are type-checked.
/// </summary>
internal static class PodConverter
{
    public static PodInfo Convert(FieldReader root, ConversionScope scope)
    {
        var spec = root.Object("spec")?.Lenient();
        var status = root.Object("status")?.Lenient();
        var serviceAccount = spec?.String("serviceAccountName") ?? spec?.String("serviceAccount") ?? "default";
        return new PodInfo(scope.Metadata.Name, scope.Metadata.Namespace)
        {
            Labels = scope.Metadata.Labels,
            ServiceAccount = serviceAccount,
            Ip = status?.String("podIP") ?? "",
            Phase = status?.String("phase") ?? "",
            Ready = status is null || IsReady(status),
            Ports = spec is null ? [] : ContainerPorts(spec),
        };
    }

    /// <summary>
    /// The Ready condition. A status written by hand with no conditions at all counts as ready, so small example
    /// files need not spell conditions out; once any condition is listed, Ready must be "True".
    /// </summary>
    private static bool IsReady(FieldReader status)
    {
        var conditions = status.Objects("conditions");
        if (conditions.Count == 0)
        {
            return true;
        }

        foreach (var condition in conditions)
        {
            if (condition.String("type") == "Ready")
            {
                return condition.String("status") == "True";
            }
        }

        return false;
    }

    private static ImmutableArray<ContainerPort> ContainerPorts(FieldReader spec)
    {
        var ports = ImmutableArray.CreateBuilder<ContainerPort>();
        foreach (var container in spec.Objects("containers"))
        {
            foreach (var port in container.Objects("ports"))
            {
                var number = port.Int("containerPort", 1, 65535, required: true);
                if (number is not null)
                {
                    ports.Add(new ContainerPort(port.String("name") ?? "", number.Value));
                }
            }
        }

        return ports.ToImmutable();
    }
}
