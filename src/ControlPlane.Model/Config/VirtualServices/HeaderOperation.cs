namespace ControlPlane.Model.Config.VirtualServices;

using System.Collections.Immutable;

/// <summary>set (overwrite), add (append) and remove for one direction.</summary>
public sealed record HeaderOperation(
    ImmutableDictionary<string, string> Set,
    ImmutableDictionary<string, string> Add,
    ImmutableArray<string> Remove)
{
    public static readonly HeaderOperation None = new(
        ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty, []);
}
