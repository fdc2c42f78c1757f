namespace ControlPlane.Interop.Infrastructure;

using System.Diagnostics;

/// <summary>
/// Finds the Node harness (<c>harness/</c> beside this project) and installs its pinned packages with
/// <c>npm ci --ignore-scripts</c> once per machine state: an install whose hidden lockfile is newer than the package
/// files is reused, and a cross-process lock keeps two test runs from installing into the same folder at once.
/// </summary>
internal static class NodeHarness
{
    private static readonly Lazy<string?> MissingTool = new(FindMissingTool);
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static bool installed;

    /// <summary>Why the interop tests cannot run here, or null when <c>node</c> and <c>npm</c> are on the PATH.</summary>
    public static string? UnavailableReason => MissingTool.Value is { } tool ? $"'{tool}' was not found on the PATH" : null;

    public static string Directory { get; } = FindHarnessDirectory();

    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        await InstallGate.WaitAsync(cancellationToken);
        try
        {
            if (installed)
            {
                return;
            }

            using var crossProcessLock = await AcquireFileLockAsync(cancellationToken);
            if (!IsInstallCurrent())
            {
                var result = await ToolRunner.RunAsync(
                    "npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], Directory, TimeSpan.FromMinutes(3), cancellationToken);
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException($"npm ci failed with exit code {result.ExitCode}:\n{result.Output}");
                }
            }

            installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static bool IsInstallCurrent()
    {
        var hidden = new FileInfo(Path.Combine(Directory, "node_modules", ".package-lock.json"));
        return hidden.Exists
            && hidden.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(Path.Combine(Directory, "package-lock.json"))
            && hidden.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(Path.Combine(Directory, "package.json"));
    }

    private static async Task<FileStream> AcquireFileLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "controlplane-interop-npm.lock");
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    private static string? FindMissingTool()
    {
        foreach (var tool in new[] { "node", "npm" })
        {
            try
            {
                var result = ToolRunner.RunAsync(tool, ["--version"], Path.GetTempPath(), TimeSpan.FromSeconds(30), CancellationToken.None)
                    .GetAwaiter().GetResult();
                if (result.ExitCode != 0)
                {
                    return tool;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return tool;
            }
        }

        return null;
    }

    private static string FindHarnessDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "harness");
            if (File.Exists(Path.Combine(candidate, "package.json")) && File.Exists(Path.Combine(candidate, "client.js")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"harness/ with package.json and client.js not found above {AppContext.BaseDirectory}");
    }
}
