using System.CommandLine;

namespace DescentLab.Host.Commands;

/// <summary>The <c>descentlab</c> command line: every verb, each accepting settings (<see cref="SettingsTokens"/>).</summary>
public static class DescentLabCommandLine
{
    /// <summary>Parses <paramref name="args"/> and runs the chosen command; returns the exit code.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("DescentLab: runs gradient-descent variants on seeded bean datasets, logs curves, plots and reports.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(BaselineCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(VariantsCommand.Create());
        root.Subcommands.Add(DatasetsCommand.Create());
        root.Subcommands.Add(PruneCommand.Create());
        root.Subcommands.Add(HistoryCommand.Create());
        root.Subcommands.Add(PublishCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(NewCommand.Create());
        root.Options.Add(new Option<string[]>(SettingsTokens.OptionName)
        {
            Hidden = true,
            Recursive = true,
            Arity = ArgumentArity.ZeroOrMore,
            Description = "A setting Key=value (written --DescentLab:Key=value on the command line).",
        });

        var parseResult = root.Parse(SettingsTokens.Carry(args));
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Run 'descentlab --help' for usage.");
            return ExitCodes.BadInput;
        }

        // The host's console lifetime handles SIGTERM and Ctrl-C, so System.CommandLine must not.
        var invocation = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return await parseResult.InvokeAsync(invocation);
    }

    /// <summary>The output writers of an invocation.</summary>
    public static CliOutput OutputOf(ParseResult parseResult) =>
        new(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
}
