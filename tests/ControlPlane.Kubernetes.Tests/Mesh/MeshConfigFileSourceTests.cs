namespace ControlPlane.Kubernetes.Tests.Mesh;

using System.Threading.Channels;
using ControlPlane.Kubernetes.Mesh;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.State;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>A <c>--mesh-config</c> file applied at start and re-applied on change, as a global push on a real store.</summary>
public sealed class MeshConfigFileSourceTests : IPushRequestSink, IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private readonly Channel<(PushRequest Request, MeshSnapshot Snapshot)> pushes = Channel.CreateUnbounded<(PushRequest, MeshSnapshot)>();
    private readonly string directory = Directory.CreateTempSubdirectory("meshconfig-").FullName;
    private readonly MeshStore store = new();

    public MeshConfigFileSourceTests() => store.Subscribe(this);

    private string FilePath => Path.Combine(directory, "mesh");

    void IPushRequestSink.Enqueue(PushRequest request, MeshSnapshot snapshot) => pushes.Writer.TryWrite((request, snapshot));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task The_file_is_applied_at_start_and_each_change_is_a_global_push()
    {
        File.WriteAllText(FilePath, "rootNamespace: first\n");
        using var source = new MeshConfigFileSource(store, FilePath, NullLogger<MeshConfigFileSource>.Instance) { PollInterval = TimeSpan.FromMilliseconds(100) };

        source.LoadInitial();
        var (initial, _) = await NextAsync();
        Assert.True(initial.IsGlobal);
        Assert.Equal("first", store.Current.Mesh.RootNamespace);

        await source.StartAsync(CancellationToken.None);
        Replace("rootNamespace: second\noutboundTrafficPolicy: {mode: REGISTRY_ONLY}\n");
        var (changed, snapshot) = await NextAsync();
        await source.StopAsync(CancellationToken.None);

        Assert.True(changed.IsGlobal);
        Assert.Equal("second", snapshot.Mesh.RootNamespace);
        Assert.Equal(OutboundTrafficPolicyMode.RegistryOnly, snapshot.Mesh.OutboundTrafficPolicy);
    }

    [Fact]
    public async Task An_invalid_change_keeps_the_last_applied_config()
    {
        File.WriteAllText(FilePath, "rootNamespace: first\n");
        using var source = new MeshConfigFileSource(store, FilePath, NullLogger<MeshConfigFileSource>.Instance) { PollInterval = TimeSpan.FromMilliseconds(50) };
        source.LoadInitial();
        await source.StartAsync(CancellationToken.None);

        Replace("connectTimeout: soon\n");
        await Task.Delay(500);
        Assert.Equal("first", store.Current.Mesh.RootNamespace);

        Replace("rootNamespace: third\n");
        while (store.Current.Mesh.RootNamespace != "third")
        {
            await NextAsync();
        }

        await source.StopAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("connectTimeout: soon\n", "connectTimeout")]
    [InlineData(null, "cannot be read")]
    public void A_bad_file_fails_start_naming_the_file_and_the_problem(string? content, string expected)
    {
        if (content is not null)
        {
            File.WriteAllText(FilePath, content);
        }

        var source = new MeshConfigFileSource(store, FilePath, NullLogger<MeshConfigFileSource>.Instance);
        var error = Assert.Throws<InvalidOperationException>(source.LoadInitial);

        Assert.Contains(FilePath, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Replaces the file whole, as a ConfigMap mount does, so no reader sees it half written.</summary>
    private void Replace(string content)
    {
        var temporary = FilePath + ".new";
        File.WriteAllText(temporary, content);
        File.Move(temporary, FilePath, overwrite: true);
    }

    private async Task<(PushRequest, MeshSnapshot)> NextAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        return await pushes.Reader.ReadAsync(guard.Token);
    }
}
