using Microsoft.Extensions.Logging;

namespace DescentLab.Tests.Support;

/// <summary>A logger that keeps every formatted message, in order, with its level.</summary>
public sealed class CollectingLogger<T> : ILogger<T>
{
    /// <summary>Messages logged so far.</summary>
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    /// <summary>The messages alone.</summary>
    public IEnumerable<string> Messages => Entries.Select(e => e.Message);

    /// <inheritdoc/>
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc/>
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc/>
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, formatter(state, exception)));
}
