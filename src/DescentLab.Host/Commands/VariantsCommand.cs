using System.CommandLine;
using System.Globalization;
using DescentLab.Core.Variants;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab variants</c>: every variant with its hyper-parameters, defaults and ranges (from the catalog).</summary>
public static class VariantsCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var command = new Command("variants", "List the descent variants with their hyper-parameters.");
        command.SetAction((parseResult, cancellationToken) => CommandHost.RunAsync([], logToFile: false, (_, _) =>
        {
            Write(DescentLabCommandLine.OutputOf(parseResult).Out);
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    /// <summary>Writes the listing.</summary>
    public static void Write(TextWriter output)
    {
        foreach (var variant in VariantCatalog.All)
        {
            output.WriteLine($"{variant.Name,-12} {variant.Description}");
            string batch = variant.BatchMode switch
            {
                BatchMode.One => "1 (fixed)",
                BatchMode.All => "all (fixed)",
                _ => variant.DefaultBatch is int b ? string.Create(CultureInfo.InvariantCulture, $"{b} (configurable: batch)") : "all (configurable: batch)",
            };
            output.WriteLine($"{string.Empty,-12}   batch: {batch}");
            foreach (var parameter in variant.Parameters)
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{string.Empty,-12}   {parameter.Name}: default {parameter.Default:R}, range {parameter.Range} - {parameter.Description}"));
            }
        }
    }
}
