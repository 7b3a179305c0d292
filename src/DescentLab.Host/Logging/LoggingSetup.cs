using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace DescentLab.Host.Logging;

/// <summary>Serilog: levels, enrichers and extra sinks from the <c>Serilog</c> section (<c>Serilog:WriteTo</c>); the console
/// format from <c>DescentLab:ConsoleLog</c>; the log file set here so its path never depends on the current directory.</summary>
public static class LoggingSetup
{
    /// <summary>The <c>DescentLab:ConsoleLog</c> setting's key.</summary>
    public const string ConsoleLogKey = $"{DescentLabSettings.Section}:{nameof(DescentLabSettings.ConsoleLog)}";

    /// <summary>The sinks of the <c>Serilog</c> section, the console (stderr, so stdout stays for command output) in the
    /// <see cref="ConsoleLogFormat"/> of <c>DescentLab:ConsoleLog</c>, plus, when <paramref name="reportsRoot"/> is given,
    /// a daily rolling compact-JSON file <c>&lt;reportsRoot&gt;/logs/descentlab-YYYYMMDD.clef</c>.</summary>
    public static void Configure(LoggerConfiguration logger, IConfiguration configuration, IServiceProvider services, string? reportsRoot)
    {
        ArgumentNullException.ThrowIfNull(logger);
        logger.ReadFrom.Configuration(configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext();
        switch (configuration.GetValue<ConsoleLogFormat>(ConsoleLogKey))
        {
            case ConsoleLogFormat.Text:
                logger.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                    standardErrorFromLevel: LogEventLevel.Verbose,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                break;
            case ConsoleLogFormat.Json:
                logger.WriteTo.Console(new RenderedCompactJsonFormatter(), standardErrorFromLevel: LogEventLevel.Verbose);
                break;
            default:
                break;
        }

        if (reportsRoot is not null)
        {
            var file = new LoggerConfiguration()
                .MinimumLevel.Verbose()
                .WriteTo.File(
                    new CompactJsonFormatter(),
                    Path.Combine(reportsRoot, "logs", "descentlab-.clef"),
                    rollingInterval: RollingInterval.Day,
                    shared: true)
                .CreateLogger();
            logger.WriteTo.Sink(new FailSafeSink(file));
        }
    }
}
