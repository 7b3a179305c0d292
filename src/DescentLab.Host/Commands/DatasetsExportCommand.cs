using System.CommandLine;
using DescentLab.Core.Datasets;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab datasets export RECIPE --n N --seed S --out FILE.csv</c>: writes a generated dataset.</summary>
public static class DatasetsExportCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var recipe = new Argument<string>("RECIPE") { Description = "Recipe name (see 'descentlab datasets')." };
        var n = new Option<int>("--n") { Description = "Number of samples.", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "64-bit seed.", Required = true };
        var outFile = new Option<string>("--out") { Description = "CSV file to write (x,y or x1,x2,y).", Required = true };
        var command = new Command("export", "Write a generated dataset as CSV.") { recipe, n, seed, outFile };
        command.SetAction((parseResult, _) => CommandHost.RunAsync(SettingsTokens.Of(parseResult), logToFile: false, (_, _) => Task.FromResult(Export(
            parseResult.GetRequiredValue(recipe),
            parseResult.GetValue(n),
            parseResult.GetValue(seed),
            parseResult.GetRequiredValue(outFile),
            DescentLabCommandLine.OutputOf(parseResult)))));
        return command;
    }

    /// <summary>Generates and writes the dataset.</summary>
    public static int Export(string recipeName, int n, ulong seed, string path, CliOutput output)
    {
        var recipe = RecipeCatalog.Find(recipeName);
        if (recipe is null)
        {
            output.Error.WriteLine($"Unknown recipe '{recipeName}'; valid: {string.Join(", ", RecipeCatalog.All.Select(r => r.Name))}.");
            return ExitCodes.BadInput;
        }

        if (n < 1)
        {
            output.Error.WriteLine($"--n must be at least 1, got {n}.");
            return ExitCodes.BadInput;
        }

        try
        {
            var data = recipe.Generate(n, seed);
            AtomicFile.WriteText(path, w => DatasetCsv.Write(w, data));
            output.Out.WriteLine(Path.GetFullPath(path));
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.Error.WriteLine($"Cannot write {path}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
