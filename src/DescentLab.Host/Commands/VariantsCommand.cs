using System.CommandLine;
using System.Globalization;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab variants [CONFIG | PLUGIN.dll]</c>: every variant with its batch, plot family and colour,
/// hyper-parameters, defaults and ranges (from the catalog), plus those of a plug-in, or of a config's plug-ins and external processes.</summary>
public static class VariantsCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var source = new Argument<string?>("SOURCE")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "A config (adds its plug-ins' and external processes' variants) or a plug-in .dll.",
        };
        var set = SetOption.Create();
        var command = new Command("variants", "List the descent variants with their hyper-parameters.") { source, set };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = DescentLabCommandLine.OutputOf(parseResult);
            if (SetOption.Parse(parseResult, set, output) is not { } overrides)
            {
                return Task.FromResult(ExitCodes.BadInput);
            }

            return CommandHost.RunAsync(SettingsTokens.Of(parseResult), logToFile: false, (services, _) =>
            {
                string? path = parseResult.GetValue(source);
                if (path is null)
                {
                    Write(output.Out);
                    return Task.FromResult(ExitCodes.Success);
                }

                var limits = services.GetRequiredService<IOptions<DescentLabSettings>>().Value.Limits;
                return Task.FromResult(WriteWith(path, limits, output, overrides));
            });
        });
        return command;
    }

    /// <summary>Writes the built-in listing.</summary>
    public static void Write(TextWriter output) => Write(output, VariantCatalog.All);

    /// <summary>Lists the built-ins and the variants <paramref name="path"/> adds (a config with <paramref name="overrides"/>
    /// applied); exit 2 when it cannot be read.</summary>
    public static int WriteWith(string path, ConfigLimits limits, CliOutput output, IReadOnlyList<ConfigOverride>? overrides = null)
    {
        if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                Write(output.Out, [.. VariantCatalog.All, .. PluginLoader.Load(Path.GetFullPath(path))]);
                return ExitCodes.Success;
            }
            catch (PluginException ex)
            {
                output.Error.WriteLine($"{path}: {ex.Message}");
                return ExitCodes.BadInput;
            }
        }

        var result = ConfigLoader.Load(path, limits, overrides: overrides);
        foreach (var error in result.Errors)
        {
            output.Error.WriteLine(error.ToString());
        }

        if (!result.Succeeded)
        {
            return ExitCodes.BadInput;
        }

        var config = result.Config!;
        var extra = config.Plugins.SelectMany(p => p.Variants).Concat(config.Variants.Select(v => v.Variant)).Where(v => VariantCatalog.Find(v.Name) is null);
        Write(output.Out, [.. VariantCatalog.All, .. extra.DistinctBy(v => v.Name)]);
        return ExitCodes.Success;
    }

    private static void Write(TextWriter output, IReadOnlyList<IVariant> variants)
    {
        foreach (var variant in variants)
        {
            output.WriteLine($"{variant.Name,-12} {variant.Description}");
            string batch = variant.BatchMode switch
            {
                BatchMode.One => "1 (fixed)",
                BatchMode.All => "all (fixed)",
                _ => variant.DefaultBatch is int b ? string.Create(CultureInfo.InvariantCulture, $"{b} (configurable: batch)") : "all (configurable: batch)",
            };
            output.WriteLine($"{string.Empty,-12}   batch: {batch}");
            output.WriteLine($"{string.Empty,-12}   plot: {variant.Family}, {variant.Colour}");
            foreach (var parameter in variant.Parameters)
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{string.Empty,-12}   {parameter.Name}: default {parameter.Default:R}, range {parameter.Range} - {parameter.Description}"));
            }

            if (variant.Space.Count > 0)
            {
                output.WriteLine($"{string.Empty,-12}   tune: {string.Join(", ", variant.Space.Select(d => $"{d.Name} {d.Range}"))}");
            }
        }
    }
}
