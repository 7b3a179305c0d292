using System.CommandLine;
using DescentLab.Experiments.Config.Schema;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab schema</c>: prints the JSON Schema of configs (the one shipped as schemas/descentlab.schema.json).</summary>
public static class SchemaCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON Schema of configs (variants, hyper-parameters with defaults and ranges, recipes, models, keys) for editors and CI.");
        command.SetAction(parseResult =>
        {
            DescentLabCommandLine.OutputOf(parseResult).Out.Write(ConfigSchema.ToText());
            return ExitCodes.Success;
        });
        return command;
    }
}
