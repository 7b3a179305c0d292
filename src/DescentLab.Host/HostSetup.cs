using DescentLab.Experiments;
using DescentLab.Host.Logging;
using DescentLab.Output;
using DescentLab.Output.Plots;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace DescentLab.Host;

/// <summary>Builds the generic host every command runs in: configuration, Serilog, and the services of each layer.</summary>
public static class HostSetup
{
    /// <summary>The settings file, read from the install folder and then from the working directory.</summary>
    public const string SettingsFile = "appsettings.json";

    /// <summary>A host builder; <paramref name="settingsArgs"/> override settings (<c>--DescentLab:Schedule=...</c>).</summary>
    /// <param name="settingsArgs">Command-line configuration overrides.</param>
    /// <param name="logToFile">Also write the rolling compact-JSON log under the reports root.</param>
    /// <param name="drawsPlots">The command renders plots: the plot font is set up (and the renderer warmed) in the
    /// background from here on; commands that never draw do not load the renderer at all.</param>
    public static HostApplicationBuilder CreateBuilder(string[] settingsArgs, bool logToFile, bool drawsPlots)
    {
        // Content root is the install folder, so its appsettings.json is found from any current directory.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = settingsArgs,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "descentlab",
        });
        AddWorkingDirectorySettings(builder.Configuration, Directory.GetCurrentDirectory());
        builder.Services.Configure<DescentLabSettings>(builder.Configuration.GetSection(DescentLabSettings.Section));
        string reportsRoot = ReportsRoot(builder.Configuration);
        builder.Services.AddSerilog(
            (services, logger) => LoggingSetup.Configure(logger, builder.Configuration, services, logToFile ? reportsRoot : null));
        builder.Services.AddDescentLabExperiments();
        builder.Services.AddDescentLabOutput();
        builder.Services.AddSingleton(Settings(builder.Configuration).HistoryOptions);

        // ScottPlot's default font is process-wide: set it here, once, before the command renders (plots wait for it).
        // With no fonts every plot fails with the reason, which the report lists.
        if (drawsPlots)
        {
            PlotFonts.ConfigureInBackground();
        }

        return builder;
    }

    /// <summary>Reads <c>appsettings.json</c> of <paramref name="workingDirectory"/> (when there is one) after the install
    /// folder's files and before environment variables and the command line, so the precedence is install folder &lt;
    /// working directory &lt; environment &lt; command line.</summary>
    public static void AddWorkingDirectorySettings(IConfigurationBuilder configuration, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string path = Path.Combine(Path.GetFullPath(workingDirectory), SettingsFile);
        if (Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, SettingsFile)) == path)
        {
            return;
        }

        var source = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        var sources = configuration.Sources;
        int lastFile = -1;
        for (int i = 0; i < sources.Count; i++)
        {
            lastFile = sources[i] is FileConfigurationSource ? i : lastFile;
        }

        sources.Insert(lastFile + 1, source);
    }

    /// <summary>The absolute reports root from <c>DescentLab:ReportsDir</c> (default <c>./reports</c>).</summary>
    public static string ReportsRoot(IConfiguration configuration) =>
        Path.GetFullPath(configuration[$"{DescentLabSettings.Section}:{nameof(DescentLabSettings.ReportsDir)}"] is { Length: > 0 } dir ? dir : "reports");

    /// <summary>The <c>DescentLab</c> settings (defaults where a setting does not parse: that is reported by
    /// <see cref="SettingsError"/> before any command runs).</summary>
    public static DescentLabSettings Settings(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(DescentLabSettings.Section).Get<DescentLabSettings>() ?? new DescentLabSettings();
        }
        catch (InvalidOperationException)
        {
            return new DescentLabSettings();
        }
    }

    /// <summary>Why the <c>DescentLab</c> settings cannot be read (<c>--DescentLab:DebounceSeconds=abc</c>), or null.</summary>
    public static string? SettingsError(IConfiguration configuration)
    {
        try
        {
            configuration.GetSection(DescentLabSettings.Section).Get<DescentLabSettings>();
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return $"invalid setting: {ex.Message}";
        }
    }
}
