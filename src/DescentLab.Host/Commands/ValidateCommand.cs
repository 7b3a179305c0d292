using System.CommandLine;
using DescentLab.Experiments.Config;
using DescentLab.Output.Report;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab validate CONFIG...</c>: checks configs, prints every error, runs nothing.</summary>
public static class ValidateCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var configs = new Argument<string[]>("CONFIG") { Arity = ArgumentArity.OneOrMore, Description = "Config files (YAML or JSON), or folders of them." };
        var set = SetOption.Create();
        var command = new Command("validate", "Check configs and print every error; runs nothing.") { configs, set };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = DescentLabCommandLine.OutputOf(parseResult);
            if (SetOption.Parse(parseResult, set, output) is not { } overrides)
            {
                return Task.FromResult(ExitCodes.BadInput);
            }

            return CommandHost.RunAsync(SettingsTokens.Of(parseResult), logToFile: false, (services, _) =>
            {
                var limits = services.GetRequiredService<IOptions<DescentLabSettings>>().Value.Limits;
                return Task.FromResult(Validate(parseResult.GetRequiredValue(configs), limits, output, overrides));
            });
        });
        return command;
    }

    /// <summary>Validates every config, with <paramref name="overrides"/> applied to each; prints <c>OK</c> per good file
    /// and every error of the bad ones.</summary>
    public static int Validate(IReadOnlyList<string> paths, ConfigLimits limits, CliOutput output, IReadOnlyList<ConfigOverride>? overrides = null)
    {
        var expanded = ConfigPaths.Expand(paths, out var folderErrors);
        foreach (string error in folderErrors)
        {
            output.Error.WriteLine(error);
        }

        int errors = folderErrors.Count;
        foreach (string path in expanded)
        {
            var result = ConfigLoader.Load(path, limits, ReportSections.Names, overrides);
            foreach (var error in result.Errors)
            {
                output.Error.WriteLine(error.ToString());
            }

            errors += result.Errors.Count;
            if (result.Succeeded)
            {
                output.Out.WriteLine($"{path}: OK ({result.Config!.Name})");
            }
        }

        return errors == 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }
}
