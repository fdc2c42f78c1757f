namespace ControlPlane.LoadTest.Floor;

using Envoy.Service.Discovery.V3;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

/// <summary>
/// Binds <see cref="FloorService"/> to Envoy's <c>DeltaAggregatedResources</c> path with an identity marshaller for
/// responses, so pre-serialized bytes go to the stream without being parsed or serialized again.
/// </summary>
internal sealed class FloorMethodProvider : IServiceMethodProvider<FloorService>
{
    private static readonly Method<DeltaDiscoveryRequest, byte[]> Method = new(
        MethodType.DuplexStreaming,
        "envoy.service.discovery.v3.AggregatedDiscoveryService",
        "DeltaAggregatedResources",
        Marshallers.Create(r => r.ToByteArray(), DeltaDiscoveryRequest.Parser.ParseFrom),
        Marshallers.Create<byte[]>(b => b, b => b));

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<FloorService> context) =>
        context.AddDuplexStreamingMethod(Method, [], (service, requests, responses, call) => service.HandleAsync(requests, responses, call));
}
