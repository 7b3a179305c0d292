using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace DescentLab.Host.Logging;

/// <summary>Serilog: levels, enrichers and extra sinks from the <c>Serilog</c> section (<c>Serilog:WriteTo</c>); the console
/// format from <c>DescentLab:ConsoleLog</c>; the log file set here so its path never depends on the current directory.</summary>
public static class LoggingSetup
{
    /// <summary>The <c>DescentLab:ConsoleLog</c> setting's key.</summary>
    public const string ConsoleLogKey = $"{DescentLabSettings.Section}:{nameof(DescentLabSettings.ConsoleLog)}";

    // The keys of the Serilog section that name sinks, enrichers, filters or policies, which the reader finds by scanning
    // every assembly next to the tool for them: about 35 ms of each start, spent only when the section has such a key.
    private static readonly string[] NamedByMethods = ["Using", "WriteTo", "AuditTo", "Enrich", "Filter", "Destructure"];

    /// <summary>The sinks of the <c>Serilog</c> section, the console (stderr, so stdout stays for command output) in the
    /// <see cref="ConsoleLogFormat"/> of <c>DescentLab:ConsoleLog</c>, plus, when <paramref name="reportsRoot"/> is given,
    /// a daily rolling compact-JSON file <c>&lt;reportsRoot&gt;/logs/descentlab-YYYYMMDD.clef</c>.</summary>
    public static void Configure(LoggerConfiguration logger, IConfiguration configuration, IServiceProvider services, string? reportsRoot)
    {
        ArgumentNullException.ThrowIfNull(logger);
        logger.ReadFrom.Configuration(configuration, ReaderOptions(configuration))
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

    /// <summary>How the <c>Serilog</c> section is read: levels and properties need only Serilog itself; a key that names a
    /// sink, enricher, filter or policy gets the reader's own search of the assemblies.</summary>
    private static ConfigurationReaderOptions? ReaderOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection(ConfigurationLoggerConfigurationExtensions.DefaultSectionName);
        return NamedByMethods.Any(key => section.GetSection(key).Exists()) ? null : new ConfigurationReaderOptions(typeof(Log).Assembly);
    }
}
