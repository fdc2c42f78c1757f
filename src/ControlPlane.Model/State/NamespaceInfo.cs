namespace ControlPlane.Model.State;

using System.Collections.Immutable;

public sealed record NamespaceInfo(string Name, ImmutableDictionary<string, string> Labels);
