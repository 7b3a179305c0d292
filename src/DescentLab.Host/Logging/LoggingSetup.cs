using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace DescentLab.Host.Logging;

/// <summary>Serilog: levels and enrichers from the <c>Serilog</c> section; sinks set here so paths never depend on the current directory.</summary>
public static class LoggingSetup
{
    /// <summary>Console (stderr, so stdout stays for command output) plus, when <paramref name="reportsRoot"/> is given,
    /// a daily rolling compact-JSON file <c>&lt;reportsRoot&gt;/logs/descentlab-YYYYMMDD.clef</c>.</summary>
    public static void Configure(LoggerConfiguration logger, IConfiguration configuration, IServiceProvider services, string? reportsRoot)
    {
        logger.ReadFrom.Configuration(configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
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
