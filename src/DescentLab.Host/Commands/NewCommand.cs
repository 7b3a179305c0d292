using System.CommandLine;
using DescentLab.Host.Scaffolding;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab new variant NAME [--lang csharp|python] [--out DIR]</c>: scaffolds a variant of your own;
/// <c>descentlab new contract [--out DIR]</c>: copies the contract assembly a C# plug-in project builds against.</summary>
public static class NewCommand
{
    /// <summary>The command, with its subcommands <c>variant</c> and <c>contract</c>.</summary>
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The variant's name, in snake_case (not a built-in's)." };
        var language = new Option<string>("--lang")
        {
            Description = "csharp: a .NET plug-in project with an NUnit test project; python: an external-process script with a test script.",
            DefaultValueFactory = _ => "csharp",
        };
        language.AcceptOnlyFromAmong([.. VariantScaffold.Languages]);
        var output = new Option<string?>("--out") { Description = "The folder to create (default: ./NAME); it must not exist." };
        var variant = new Command("variant", "Write a new variant (plug-in project or script, a first-updates test and an example.yaml that runs it).")
        {
            name,
            language,
            output,
        };
        variant.SetAction(parseResult => Run(parseResult.GetValue(name)!, parseResult.GetValue(language)!, parseResult.GetValue(output), DescentLabCommandLine.OutputOf(parseResult)));
        var contractFolder = new Option<string>("--out")
        {
            Description = "The folder to copy DescentLab.Core.dll into (default: lib, where C# plug-in projects look for it).",
            DefaultValueFactory = _ => "lib",
        };
        var contract = new Command("contract", "Copy the contract assembly (DescentLab.Core.dll of this descentlab) into a folder, for a C# plug-in project to build against.")
        {
            contractFolder,
        };
        contract.SetAction(parseResult => Contract(parseResult.GetValue(contractFolder)!, DescentLabCommandLine.OutputOf(parseResult)));
        return new Command("new", "Scaffold something of your own.") { variant, contract };
    }

    private static int Contract(string folder, CliOutput output)
    {
        try
        {
            output.Out.WriteLine(VariantScaffold.CopyContract(folder));
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.Error.WriteLine($"new contract: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    private static int Run(string name, string language, string? target, CliOutput output)
    {
        target ??= name;
        if ((VariantScaffold.ProblemWithName(name) ?? VariantScaffold.ProblemWithTarget(target)) is { } problem)
        {
            output.Error.WriteLine($"new variant: {problem}");
            return ExitCodes.BadInput;
        }

        IReadOnlyList<string> written;
        try
        {
            written = VariantScaffold.Write(name, language, target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.Error.WriteLine($"new variant: {ex.Message}");
            return ExitCodes.Failure;
        }

        output.Out.WriteLine($"Wrote {language} variant {name} in {target}:");
        foreach (string path in written)
        {
            output.Out.WriteLine($"  {path}");
        }

        output.Out.WriteLine(language == "csharp"
            ? $"Next: cd {target} && dotnet build {VariantScaffold.PascalCase(name)} -c Release && descentlab run example.yaml"
            : $"Next: cd {target} && python3 test_{name}.py && descentlab run example.yaml");
        return ExitCodes.Success;
    }
}
