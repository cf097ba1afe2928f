using Microsoft.Extensions.Logging;

namespace DocManager.Tests.Infrastructure;

/// <summary>Shows the app's warnings and errors (exceptions included) in the output of the test that caused them.</summary>
/// <remarks>
/// The output is captured when the app starts: requests run on threads that do not carry the test's context.
/// </remarks>
internal sealed class TestOutputLoggerProvider(ITestOutputHelper? output) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TestOutputLogger(categoryName, output);

    public void Dispose()
    {
    }

    private sealed class TestOutputLogger(string category, ITestOutputHelper? output) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            try
            {
                output?.WriteLine($"[app {logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
            }
            catch (InvalidOperationException)
            {
                // The test has ended (a background job logging while the app stops).
            }
        }
    }
}
