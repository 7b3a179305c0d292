using System.CommandLine;
using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Experiments.Config;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab datasets</c>: the recipes and models (from the catalogs).</summary>
public static class DatasetsCommand
{
    /// <summary>The command with its <c>export</c> subcommand.</summary>
    public static Command Create()
    {
        var command = new Command("datasets", "List the bean dataset recipes and the models that fit them.") { DatasetsExportCommand.Create() };
        command.SetAction((parseResult, cancellationToken) => CommandHost.RunAsync(SettingsTokens.Of(parseResult), logToFile: false, (_, _) =>
        {
            Write(DescentLabCommandLine.OutputOf(parseResult).Out);
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    /// <summary>Writes the listing.</summary>
    public static void Write(TextWriter output)
    {
        output.WriteLine("Recipes (draw order: docs/recipes.md):");
        foreach (var recipe in RecipeCatalog.All)
        {
            output.WriteLine($"  {recipe.Name,-8} {recipe.Description}");
        }

        output.WriteLine("Models:");
        foreach (var model in ModelCatalog.All)
        {
            string losses = string.Join(", ", model.Losses.Select(LossNames.ToKey));
            string dimensions = string.Join(", ", model.Dimensions.Select(d => $"{d}-D"));
            output.WriteLine($"  {model.Name,-8} {model.Description} [inputs: {dimensions}; loss: {losses}]");
        }
    }
}
