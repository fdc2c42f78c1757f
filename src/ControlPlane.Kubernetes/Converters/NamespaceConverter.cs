namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.State;

/// <summary>v1 Namespace: its name and labels (which select Sidecars and discovery scope).</summary>
internal static class NamespaceConverter
{
    public static NamespaceInfo Convert(FieldReader root, ConversionScope scope)
    {
        root.Ignore("spec", "status");
        return new NamespaceInfo(scope.Metadata.Name, scope.Metadata.Labels.ToImmutableDictionary(StringComparer.Ordinal));
    }
}
