namespace ControlPlane.LoadTest.Clients;

using System.Collections.Immutable;

/// <summary>
/// One response a client received and ACKed: Stopwatch timestamps of receipt and of the ACK write completing, the type,
/// the names of the resources it carried, how many it removed, and its size in bytes.
/// </summary>
internal sealed record ReceivedResponse(long ReceivedAt, long AckedAt, string TypeUrl, ImmutableArray<string> Names, int Removed, int Bytes);
