namespace ControlPlane.Xds.Tests.Serving.Fakes;

using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

/// <summary>A generator made of two delegates; counts its calls. Output is filtered by the watch, as real generators do.</summary>
internal sealed class FakeGenerator(
    string typeUrl, Func<PushRequest, bool> affected, Func<GenerationContext, IEnumerable<(string Name, IMessage Message)>> produce)
    : IResourceGenerator
{
    private int calls;

    public string TypeUrl => typeUrl;

    public int Calls => Volatile.Read(ref calls);

    public bool IsAffectedBy(PushRequest request) => affected(request);

    public GeneratedResources Generate(GenerationContext context)
    {
        Interlocked.Increment(ref calls);
        return new GeneratedResources([.. produce(context)
            .Where(r => context.Watched.Wants(r.Name))
            .Select(r => new NamedResource(r.Name, Any.Pack(r.Message)))]);
    }
}
