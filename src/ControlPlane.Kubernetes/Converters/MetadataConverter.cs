namespace ControlPlane.Kubernetes.Converters;

using System.Globalization;
using ControlPlane.Kubernetes.Validation;

/// <summary>Reads and checks <c>metadata</c>; a missing namespace means <c>default</c>, as kubectl applies it.</summary>
internal static class MetadataConverter
{
    public const string DefaultNamespace = "default";

    public static ObjectMetadata? Read(FieldReader root, bool namespaced, Func<string, string?> checkName)
    {
        var metadata = root.Object("metadata", required: true);
        if (metadata is null)
        {
            return null;
        }

        var name = metadata.String("name", required: true);
        var ns = namespaced ? metadata.String("namespace") ?? DefaultNamespace : "";
        var problems = root.Context.Problems;
        problems.Name = name ?? "";
        problems.Namespace = ns;
        if (!namespaced)
        {
            metadata.Ignore("namespace");
        }

        CheckName(metadata, "name", name, checkName);
        CheckName(metadata, "namespace", namespaced ? ns : null, KubeNames.CheckLabel);
        var result = new ObjectMetadata(name ?? "", ns)
        {
            Labels = metadata.StringMap("labels"),
            Annotations = metadata.StringMap("annotations"),
            ResourceVersion = metadata.String("resourceVersion") ?? "",
            CreationTimestamp = Timestamp(metadata) ?? DateTimeOffset.MinValue,
        };
        metadata.Unsupported("generateName");
        metadata.Ignore("uid", "generation", "managedFields", "ownerReferences", "finalizers", "selfLink",
            "deletionTimestamp", "deletionGracePeriodSeconds");
        return name is null ? null : result;
    }

    private static void CheckName(FieldReader metadata, string field, string? value, Func<string, string?> check)
    {
        if (value is not null && value.Length > 0 && check(value) is { } message)
        {
            metadata.Error(field, $"'{value}' {message}");
        }
    }

    private static DateTimeOffset? Timestamp(FieldReader metadata)
    {
        var text = metadata.String("creationTimestamp");
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        metadata.Error("creationTimestamp", $"'{text}' is not an RFC 3339 timestamp");
        return null;
    }
}
