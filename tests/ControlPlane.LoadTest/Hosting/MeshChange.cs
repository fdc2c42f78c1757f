namespace ControlPlane.LoadTest.Hosting;

/// <summary>One change a scenario applies: which kind, to which service, and its generation (so it differs from the last).</summary>
internal sealed record MeshChange(MeshChangeKind Kind, int Service, int Generation)
{
    public string ToLine() => $"apply {Kind} {Service} {Generation}";

    public static MeshChange Parse(string[] words) =>
        new(Enum.Parse<MeshChangeKind>(words[1]), int.Parse(words[2]), int.Parse(words[3]));
}
