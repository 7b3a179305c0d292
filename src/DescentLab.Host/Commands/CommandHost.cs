using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DescentLab.Host.Commands;

/// <summary>Runs one command's body inside a started host and turns its outcome into an exit code.</summary>
/// <remarks>Only Host sets exit codes. SIGTERM / Ctrl-C stop the host, which cancels the body's token; an exception that
/// escapes the body is logged and becomes exit code 1, never 0.</remarks>
public static class CommandHost
{
    /// <summary>Builds and starts a host, runs <paramref name="body"/>, stops the host.</summary>
    /// <param name="settingsArgs">Command-line configuration overrides.</param>
    /// <param name="logToFile">Also write the rolling log file.</param>
    /// <param name="body">The command.</param>
    /// <param name="drawsPlots">The command renders plots (see <see cref="HostSetup.CreateBuilder"/>).</param>
    public static async Task<int> RunAsync(
        string[] settingsArgs,
        bool logToFile,
        Func<IServiceProvider, CancellationToken, Task<int>> body,
        bool drawsPlots = false)
    {
        var builder = HostSetup.CreateBuilder(settingsArgs, logToFile, drawsPlots);
        if (HostSetup.SettingsError(builder.Configuration) is { } settingsError)
        {
            await Console.Error.WriteLineAsync(settingsError);
            return ExitCodes.BadInput;
        }

        using var host = builder.Build();
        await host.StartAsync();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("descentlab");
        int exitCode;
        try
        {
            exitCode = await body(host.Services, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            logger.LogWarning("Stopped by a signal before the command finished");
            exitCode = ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full disk or a read-only folder is the environment's fault, not a bug: a clean line, no stack trace.
            logger.LogError("The command failed: {Reason}", ex.Message);
            exitCode = ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "The command failed");
            exitCode = ExitCodes.Failure;
        }
        finally
        {
            await host.StopAsync();
        }

        return exitCode;
    }
}
