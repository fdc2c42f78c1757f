namespace ControlPlane.Host.Hosting;

/// <summary>
/// The embedded default: <c>samples/</c> is copied next to the executable at build time, so the host serves it with no
/// arguments from any working directory.
/// </summary>
internal static class SamplesLocator
{
    public static string EmbeddedSamplesDirectory => Path.Combine(AppContext.BaseDirectory, "samples");
}
