namespace ControlPlane.Xds.Generation.Caching;

using System.Runtime.CompilerServices;

/// <summary>
/// A cache-key field that compares by reference. Model records are immutable and replaced whenever they change, so the
/// instance is its version: comparing references is exact and O(1), where structural equality would walk whole records.
/// </summary>
internal readonly struct Identity<T>(T? value) : IEquatable<Identity<T>>
    where T : class
{
    public T? Value { get; } = value;

    public bool Equals(Identity<T> other) => ReferenceEquals(Value, other.Value);

    public override bool Equals(object? obj) => obj is Identity<T> other && Equals(other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(Value);

    public override string ToString() => Value?.ToString() ?? "null";
}
