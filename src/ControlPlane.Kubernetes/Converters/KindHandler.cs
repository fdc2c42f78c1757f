namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using ControlPlane.Kubernetes.Validation;

/// <summary>How one kind is read: the apiVersions accepted, its scope, its name rule and its converter.</summary>
internal sealed record KindHandler(
    string Kind,
    FrozenSet<string> ApiVersions,
    bool Namespaced,
    Func<string, string?> CheckName,
    Func<FieldReader, ConversionScope, object?> Convert);
