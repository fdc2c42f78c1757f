namespace ControlPlane.Host.Cli;

/// <summary>The parsed arguments of the <c>validate</c> verb.</summary>
internal sealed record ValidateArguments(IReadOnlyList<string> Paths, bool Json, string? CrdFile);
