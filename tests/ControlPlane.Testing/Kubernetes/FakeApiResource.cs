namespace ControlPlane.Testing.Kubernetes;

/// <summary>One resource of a served group version, as discovery lists it.</summary>
public sealed record FakeApiResource(string Plural, string Kind, bool Namespaced = true, bool HasStatus = false);
