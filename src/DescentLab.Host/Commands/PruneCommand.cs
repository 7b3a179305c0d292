using System.CommandLine;
using System.Globalization;
using DescentLab.Output.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab prune [--dry-run]</c>: applies the retention policy (<c>DescentLab:Retention</c>) to the reports root.</summary>
public static class PruneCommand
{
    /// <summary>The command; settings such as <c>--DescentLab:Retention:KeepLast=7</c> override the configuration.</summary>
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be removed; remove nothing." };
        var keepLast = new Option<int?>("--keep-last") { Description = "Keep the newest N complete run sets per config (overrides Retention:KeepLast; 0 = no count rule)." };
        var keepDays = new Option<double?>("--keep-days") { Description = "Keep complete run sets younger than D days (overrides Retention:KeepDays; 0 = no age rule)." };
        var graceHours = new Option<double?>("--grace-hours") { Description = "Remove incomplete folders and temporary files after H hours without a write (overrides Retention:GraceHours)." };
        var now = new Option<string?>("--now") { Description = "Apply the rules as if it were this UTC time (ISO 8601, e.g. 2027-03-15T02:00:00Z), to see what the policy removes on a later day; default: the clock." };
        var command = new Command(
            "prune",
            "Remove old run sets (never latest's target or the baseline set), stale incomplete folders and temporary files; settings DescentLab:Retention:KeepLast, KeepDays, GraceHours, DescentLab:ReportsDir.")
        {
            dryRun, keepLast, keepDays, graceHours, now,
        };
        command.SetAction((parseResult, _) => CommandHost.RunAsync(SettingsTokens.Of(parseResult), logToFile: false, (services, _) =>
        {
            DateTimeOffset? at = null;
            if (parseResult.GetValue(now) is { } nowText)
            {
                if (!DateTimeOffset.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    DescentLabCommandLine.OutputOf(parseResult).Error.WriteLine($"--now expects a UTC time such as 2027-03-15T02:00:00Z, got '{nowText}'");
                    return Task.FromResult(ExitCodes.BadInput);
                }

                at = parsed;
            }

            var policy = services.GetRequiredService<IOptions<DescentLabSettings>>().Value.Retention;
            policy.KeepLast = parseResult.GetValue(keepLast) ?? policy.KeepLast;
            policy.KeepDays = parseResult.GetValue(keepDays) ?? policy.KeepDays;
            policy.GraceHours = parseResult.GetValue(graceHours) ?? policy.GraceHours;
            string root = HostSetup.ReportsRoot(services.GetRequiredService<IConfiguration>());
            var pruner = services.GetRequiredService<ReportsPruner>();
            return Task.FromResult(Execute(pruner, root, policy, parseResult.GetValue(dryRun), DescentLabCommandLine.OutputOf(parseResult), at));
        }));
        return command;
    }

    /// <summary>Prunes <paramref name="reportsRoot"/> and prints one line per removal; exit 1 when a removal failed.</summary>
    /// <param name="pruner">The pruner.</param>
    /// <param name="reportsRoot">The reports root.</param>
    /// <param name="policy">The rules.</param>
    /// <param name="dryRun">List, remove nothing.</param>
    /// <param name="output">Where lines go.</param>
    /// <param name="now">The time the rules are applied at; null for the clock.</param>
    public static int Execute(ReportsPruner pruner, string reportsRoot, RetentionPolicy policy, bool dryRun, CliOutput output, DateTimeOffset? now = null)
    {
        if (policy.Problem() is { } problem)
        {
            output.Error.WriteLine(problem);
            return ExitCodes.BadInput;
        }

        output.Out.WriteLine($"{(dryRun ? "Dry run: " : string.Empty)}{policy.Describe()}");
        PruneOutcome outcome;
        try
        {
            outcome = now is { } at ? pruner.Prune(reportsRoot, policy, dryRun, at) : pruner.Prune(reportsRoot, policy, dryRun);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.Error.WriteLine($"{reportsRoot}: cannot scan the reports folder: {ex.Message}");
            return ExitCodes.Failure;
        }

        foreach (string note in outcome.Notes)
        {
            output.Error.WriteLine(note);
        }

        string verb = dryRun ? "would remove" : "removed";
        foreach (var item in outcome.Removed)
        {
            output.Out.WriteLine($"{verb} {item.Path} ({item.Reason})");
        }

        foreach (var (item, error) in outcome.Failed)
        {
            output.Error.WriteLine($"could not remove {item.Path}: {error}");
        }

        long bytes = outcome.Removed.Sum(i => i.Bytes);
        output.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{outcome.Removed.Count} {(dryRun ? "to remove" : "removed")} ({bytes / 1048576.0:0.0} MiB), {outcome.Failed.Count} failed"));
        return outcome.Failed.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
