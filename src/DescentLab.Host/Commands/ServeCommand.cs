using System.CommandLine;
using DescentLab.Host.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab serve [--DescentLab:Key=value ...]</c>: worker mode over a config folder (SPEC §9).</summary>
public static class ServeCommand
{
    /// <summary>The command; unmatched tokens are configuration overrides such as <c>--DescentLab:Schedule="*/5 * * * *"</c>.</summary>
    public static Command Create()
    {
        var command = new Command("serve", "Worker mode: scheduled (cron) and on-change runs of a config folder; settings from appsettings.json, DescentLab__* environment variables or --DescentLab:Key=value.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var builder = HostSetup.CreateBuilder([.. parseResult.UnmatchedTokens], logToFile: true);
            builder.Services.AddSingleton<IConfigChangeSource, FileSystemConfigChangeSource>();
            builder.Services.AddSingleton<PipelineConfigRunner>();
            builder.Services.AddSingleton<IConfigRunner>(services => ActivatorUtilities.CreateInstance<PruningConfigRunner>(
                services, services.GetRequiredService<PipelineConfigRunner>()));
            builder.Services.AddHostedService<ScheduledRunService>();
            using var host = builder.Build();
            Environment.ExitCode = ExitCodes.Success;
            await host.RunAsync();
            return Environment.ExitCode;
        });
        return command;
    }
}
