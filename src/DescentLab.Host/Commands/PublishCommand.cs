using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DescentLab.Output.History;
using DescentLab.Output.Site;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab publish [--out SITE]</c>: writes the static history site (asv publish's counterpart).</summary>
public static class PublishCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "The site folder (default: DescentLab:SiteDir, else <reports root>/site)." };
        var command = new Command(
            "publish",
            "Write a static site over the whole history (index, a page per problem, regressions, each night's report), viewable from file://; "
            + "only pages whose data changed are rewritten.")
        {
            output,
        };
        command.SetAction((parseResult, _) => CommandHost.RunAsync(SettingsTokens.Of(parseResult), logToFile: false, (services, _) =>
        {
            string root = HostSetup.ReportsRoot(services.GetRequiredService<IConfiguration>());
            string site = parseResult.GetValue(output) is { Length: > 0 } folder
                ? Path.GetFullPath(folder)
                : services.GetRequiredService<IOptions<DescentLabSettings>>().Value.SiteFolder(root);
            var cli = DescentLabCommandLine.OutputOf(parseResult);
            HistoryLocation history;
            try
            {
                history = HistoryLocation.Parse(HostSetup.Settings(services.GetRequiredService<IConfiguration>()).History, root);
            }
            catch (HistoryException ex)
            {
                cli.Error.WriteLine(ex.Message);
                return Task.FromResult(ExitCodes.BadInput);
            }

            return Task.FromResult(Execute(root, site, cli, history));
        }, drawsPlots: true));
        return command;
    }

    /// <summary>Publishes the history at <paramref name="history"/> (by default the reports root's history.db) into
    /// <paramref name="siteDir"/> and prints what changed; exit 1 when there is no readable history.</summary>
    public static int Execute(string reportsRoot, string siteDir, CliOutput output, HistoryLocation? history = null)
    {
        long start = Stopwatch.GetTimestamp();
        SitePublication published;
        try
        {
            published = SitePublisher.Publish(reportsRoot, siteDir, history);
        }
        catch (HistoryException ex)
        {
            output.Error.WriteLine(ex.Message);
            return ExitCodes.Failure;
        }

        foreach (string note in published.Notes)
        {
            output.Error.WriteLine(note);
        }

        output.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Published {published.Problems} problem pages over {published.Nights} nights ({published.Regressions} regressions) to {published.SiteDir}: "
            + $"{published.Written.Count} files written, {published.Removed.Count} removed, in {Stopwatch.GetElapsedTime(start).TotalSeconds:0.00} s"));
        output.Out.WriteLine("Open " + new Uri(Path.Combine(published.SiteDir, "index.html")).AbsoluteUri);
        return ExitCodes.Success;
    }
}
