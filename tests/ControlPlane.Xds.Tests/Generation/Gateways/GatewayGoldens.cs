namespace ControlPlane.Xds.Tests.Generation.Gateways;

using System.Runtime.CompilerServices;

/// <summary>Where the gateway goldens live; loading and comparing is <see cref="GoldenFiles"/>'.</summary>
internal static class GatewayGoldens
{
    public static string Root([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");
}
