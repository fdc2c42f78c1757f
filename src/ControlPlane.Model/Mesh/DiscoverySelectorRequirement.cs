namespace ControlPlane.Model.Mesh;

using System.Collections.Immutable;

/// <summary>One <c>matchExpressions</c> entry: operator <c>In</c>, <c>NotIn</c>, <c>Exists</c> or <c>DoesNotExist</c>.</summary>
public sealed record DiscoverySelectorRequirement(string Key, string Operator, ImmutableArray<string> Values);
