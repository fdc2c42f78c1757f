namespace ControlPlane.Testing.Logging;

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

/// <summary>A logger that keeps every formatted message at or above <see cref="MinimumLevel"/>, for asserting on logs.</summary>
public sealed class CapturingLogger<T>(LogLevel minimumLevel = LogLevel.Trace) : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId Event, string Message)> entries = new();

    public LogLevel MinimumLevel { get; } = minimumLevel;

    public IReadOnlyList<(LogLevel Level, EventId Event, string Message)> Entries => [.. entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            entries.Enqueue((logLevel, eventId, formatter(state, exception)));
        }
    }
}
