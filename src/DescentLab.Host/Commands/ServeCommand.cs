using System.CommandLine;
using DescentLab.Host.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab serve [--DescentLab:Key=value ...]</c>: worker mode over a config folder.</summary>
public static class ServeCommand
{
    /// <summary>The command; settings such as <c>--DescentLab:Schedule="*/5 * * * *"</c> override the configuration.</summary>
    public static Command Create()
    {
        string settings = string.Join(Environment.NewLine, DescentLabSettings.Describe().Select(line => "  " + line));
        var command = new Command(
            "serve",
            "Worker mode: scheduled (cron) and on-change runs of a config folder. Settings come from appsettings.json, "
            + $"DescentLab__Key environment variables or --DescentLab:Key=value (defaults shown):{Environment.NewLine}{settings}");
        command.SetAction(async (parseResult, _) =>
        {
            var builder = HostSetup.CreateBuilder(SettingsTokens.Of(parseResult), logToFile: true, drawsPlots: true);
            if (HostSetup.SettingsError(builder.Configuration) is { } settingsError)
            {
                await DescentLabCommandLine.OutputOf(parseResult).Error.WriteLineAsync(settingsError);
                return ExitCodes.BadInput;
            }

            // READY, STOPPING and the watchdog under systemd (Type=notify); nothing changes elsewhere.
            builder.Services.AddSystemd();
            builder.Services.AddSingleton<WorkerProgress>();
            builder.Services.AddHostedService<SystemdWatchdogService>();
            builder.Services.AddSingleton<IConfigChangeSource, FileSystemConfigChangeSource>();
            builder.Services.AddSingleton<PipelineConfigRunner>();
            bool serveSite = builder.Configuration.GetSection(DescentLabSettings.Section).Get<DescentLabSettings>()?.ServeSite == true;
            builder.Services.AddSingleton<IConfigRunner>(services =>
            {
                IConfigRunner runner = ActivatorUtilities.CreateInstance<PruningConfigRunner>(services, services.GetRequiredService<PipelineConfigRunner>());
                // The site is republished after each run (after pruning, so removed nights leave it too).
                return serveSite ? new PublishingConfigRunner(runner, services.GetRequiredService<SiteRefresher>()) : runner;
            });
            if (serveSite)
            {
                builder.Services.AddSingleton<SiteRefresher>();
                builder.Services.AddHostedService<SiteServer>();
            }

            builder.Services.AddHostedService<ScheduledRunService>();
            using var host = builder.Build();
            Environment.ExitCode = ExitCodes.Success;
            await host.RunAsync();
            return Environment.ExitCode;
        });
        return command;
    }
}
