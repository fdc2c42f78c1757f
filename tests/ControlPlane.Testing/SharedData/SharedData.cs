namespace ControlPlane.Testing.SharedData;

/// <summary>
/// Locates Istio's own test data (samples, test corpora, CRDs) in the <c>shared</c> folder next to the repository. It is
/// read as test input only and is optional: tests that need it skip, with this reason, when it is absent.
/// </summary>
internal static class SharedData
{
    public const string MissingReason = "Istio reference data not found: expected ../shared/data/istio next to the repository root (the folder holding ControlPlane.sln)";

    private static readonly Lazy<string?> IstioRoot = new(Find);

    /// <summary>The <c>shared/data/istio</c> folder, or null when it is absent.</summary>
    public static string? Istio => IstioRoot.Value;

    public static string CrdBundle => Path.Combine(Require(), "crds", "istio-istio", "manifests", "charts", "base", "files", "crd-all.gen.yaml");

    public static string Require() => Istio ?? throw new InvalidOperationException(MissingReason);

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ControlPlane.sln")))
            {
                var istio = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "istio"));
                return Directory.Exists(istio) ? istio : null;
            }
        }

        return null;
    }
}
