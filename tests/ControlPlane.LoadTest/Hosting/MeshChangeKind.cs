namespace ControlPlane.LoadTest.Hosting;

internal enum MeshChangeKind
{
    Endpoints,
    VirtualService,
    MeshWide,
}
