using System.CommandLine;
using DescentLab.Output;
using DescentLab.Output.Files;
using DescentLab.Output.History;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab history export FILE|--to STORE</c> and <c>descentlab history import FILE|--from STORE</c>: moves
/// every recorded run set, losslessly, between the configured history (<c>DescentLab:History</c>) and a JSON lines file
/// (<see cref="HistoryJsonLines"/>) or another store.</summary>
public static class HistoryCommand
{
    /// <summary>The command with its <c>export</c> and <c>import</c> subcommands.</summary>
    public static Command Create()
    {
        var exportFile = new Argument<string?>("FILE") { Description = "JSON lines file to write.", Arity = ArgumentArity.ZeroOrOne };
        var to = new Option<string?>("--to") { Description = "Copy into this store instead: a SQLite file path or a PostgreSQL connection string (Host=...;Database=...;Username=...)." };
        var export = new Command("export", "Write every run set of the history (DescentLab:History) to FILE, or copy them into another store.") { exportFile, to };
        export.SetAction((parseResult, _) => CommandHost.RunAsync(SettingsTokens.Of(parseResult), logToFile: false, (services, _) =>
            Task.FromResult(WithConfigured(services, "history export", DescentLabCommandLine.OutputOf(parseResult), (history, output) =>
                Export(history, parseResult.GetValue(exportFile), parseResult.GetValue(to), output)))));

        var importFile = new Argument<string?>("FILE") { Description = "JSON lines file written by history export.", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<string?>("--from") { Description = "Copy from this store instead: a SQLite file path or a PostgreSQL connection string." };
        var import = new Command("import", "Add the run sets of FILE (or of another store) to the history (DescentLab:History); run sets already there are skipped.") { importFile, from };
        import.SetAction((parseResult, _) => CommandHost.RunAsync(SettingsTokens.Of(parseResult), logToFile: false, (services, _) =>
            Task.FromResult(WithConfigured(services, "history import", DescentLabCommandLine.OutputOf(parseResult), (history, output) =>
                Import(history, parseResult.GetValue(importFile), parseResult.GetValue(from), output)))));

        return new Command("history", "Move history between stores (SQLite, PostgreSQL, a JSON lines file).") { export, import };
    }

    /// <summary>Exports the history at <paramref name="source"/> to <paramref name="file"/> or into the store
    /// <paramref name="to"/> (exactly one); returns the exit code.</summary>
    public static int Export(HistoryLocation source, string? file, string? to, CliOutput output)
    {
        if ((file is null) == (to is null))
        {
            output.Error.WriteLine("history export: give FILE or --to STORE (one of them)");
            return ExitCodes.BadInput;
        }

        return Guarded("history export", output, () =>
        {
            IReadOnlyList<HistoryRecord> records;
            using (var store = new HistoryStore(source))
            {
                records = store.ReadAll();
            }

            if (file is not null)
            {
                AtomicFile.WriteText(file, writer => HistoryJsonLines.Write(writer, records));
                output.Out.WriteLine($"exported {Count(records)} from {source.Display} to {file}");
                return ExitCodes.Success;
            }

            var target = HistoryLocation.Parse(to, Directory.GetCurrentDirectory());
            return Copy(records, target, $"copied {{0}} from {source.Display} to {target.Display}", output);
        });
    }

    /// <summary>Imports <paramref name="file"/> or the store <paramref name="from"/> (exactly one) into the history at
    /// <paramref name="target"/>; returns the exit code.</summary>
    public static int Import(HistoryLocation target, string? file, string? from, CliOutput output)
    {
        if ((file is null) == (from is null))
        {
            output.Error.WriteLine("history import: give FILE or --from STORE (one of them)");
            return ExitCodes.BadInput;
        }

        return Guarded("history import", output, () =>
        {
            IReadOnlyList<HistoryRecord> records;
            string origin;
            if (file is not null)
            {
                records = HistoryJsonLines.Read(file);
                origin = file;
            }
            else
            {
                var source = HistoryLocation.Parse(from, Directory.GetCurrentDirectory());
                using var store = new HistoryStore(source);
                records = store.ReadAll();
                origin = source.Display;
            }

            return Copy(records, target, $"imported {{0}} from {origin} into {target.Display}", output);
        });
    }

    private static int Copy(IReadOnlyList<HistoryRecord> records, HistoryLocation target, string format, CliOutput output)
    {
        using var store = new HistoryStore(target);
        var added = records.Where(store.Import).ToList();
        string skipped = added.Count < records.Count ? $"; {records.Count - added.Count} already there, skipped" : string.Empty;
        output.Out.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Count(added)) + skipped);
        return ExitCodes.Success;
    }

    private static string Count(IReadOnlyList<HistoryRecord> records) =>
        $"{records.Count} run set{(records.Count == 1 ? string.Empty : "s")} ({records.Sum(r => r.Rows.Count)} runs)";

    private static int Guarded(string command, CliOutput output, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is HistoryException or RunFileException)
        {
            output.Error.WriteLine($"{command}: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.Error.WriteLine($"{command}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Runs <paramref name="action"/> on the configured history (<c>DescentLab:History</c>).</summary>
    private static int WithConfigured(IServiceProvider services, string command, CliOutput output, Func<HistoryLocation, CliOutput, int> action)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        HistoryLocation history;
        try
        {
            history = HistoryLocation.Parse(HostSetup.Settings(configuration).History, HostSetup.ReportsRoot(configuration));
        }
        catch (HistoryException ex)
        {
            output.Error.WriteLine($"{command}: {ex.Message}");
            return ExitCodes.BadInput;
        }

        return action(history, output);
    }
}
