namespace ControlPlane.Interop.Infrastructure;

using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

/// <summary>
/// One long-lived harness script (<c>backend.js</c>, <c>client.js</c>) with its stdout as a stream of lines and its stderr
/// kept for failure messages. The scripts exit when their stdin closes, so disposing closes stdin first and kills the
/// process (by its own handle) only if it has not exited shortly after.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly TaskCompletionSource outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(Process process)
    {
        this.process = process;
    }

    public string Description { get; private init; } = "";

    public string StandardError
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    public string StandardOutput
    {
        get
        {
            lock (stdout)
            {
                return stdout.ToString();
            }
        }
    }

    public static NodeProcess Start(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo("node") { WorkingDirectory = NodeHarness.Directory, UseShellExecute = false };
        startInfo.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.RedirectStandardInput = startInfo.RedirectStandardOutput = startInfo.RedirectStandardError = true;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var node = new NodeProcess(process) { Description = $"node {script} {string.Join(' ', startInfo.ArgumentList.Skip(1))}" };
        process.OutputDataReceived += (_, e) => node.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => node.OnError(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>The next stdout line, or null once stdout has closed (the process ended).</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await lines.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Asks the script to finish (it exits on end of stdin).</summary>
    public void CloseInput()
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var timeoutSource = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
            await outputClosed.Task.WaitAsync(timeoutSource.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        CloseInput();
        if (!await WaitForExitAsync(TimeSpan.FromSeconds(3)) && !process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await WaitForExitAsync(TimeSpan.FromSeconds(3));
        }

        process.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            lines.Writer.TryComplete();
            outputClosed.TrySetResult();
            return;
        }

        lock (stdout)
        {
            stdout.AppendLine(line);
        }

        lines.Writer.TryWrite(line);
    }

    private void OnError(string? line)
    {
        if (line is not null)
        {
            lock (stderr)
            {
                stderr.AppendLine(line);
            }
        }
    }
}
