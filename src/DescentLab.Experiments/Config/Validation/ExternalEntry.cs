using System.Globalization;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Schema;
using DescentLab.Experiments.External;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads <c>- external: {command: [python3, opt.py], timeout_seconds: 10, start_timeout_seconds: 120, ...}</c> and asks the process to describe itself.</summary>
/// <remarks>The other keys (hyper-parameters, batch, shuffle) are read like any variant's, against what the process described.</remarks>
internal sealed class ExternalEntry(ValidationContext context, string configDirectory, IReadOnlyList<IVariant> known)
{
    /// <summary>The key of an external entry.</summary>
    public const string Key = "external";

    /// <summary>Keys of the entry that are not hyper-parameters.</summary>
    public static readonly IReadOnlyList<string> OwnKeys = ConfigKeys.NamesUnder(ConfigKeys.External);

    private readonly Dictionary<string, (ExternalVariant Variant, string Path)> _described = new(StringComparer.Ordinal);

    /// <summary>The described variant, or null after an error.</summary>
    public ExternalVariant? Read(NamedEntry entry, string path)
    {
        string settingsPath = KeyPath.Child(path, Key);
        const string Expected = "settings such as {command: [python3, my_optimizer.py], lr: 0.01}";
        if (entry.Settings is null)
        {
            context.Error(entry.NameNode, path, $"an external variant needs {Expected}");
            return null;
        }

        if (context.Mapping(entry.Settings, settingsPath, Expected) is not { } settings)
        {
            return null;
        }

        var commandEntry = settings.Entries.FirstOrDefault(e => e.Key.Text == "command");
        if (commandEntry is null)
        {
            context.Error(settings, settingsPath, "missing required key 'command' (the program and its arguments, e.g. [python3, my_optimizer.py])");
            return null;
        }

        string commandPath = KeyPath.Child(settingsPath, "command");
        if (Argv(commandEntry.Value, commandPath) is not { } argv)
        {
            return null;
        }

        if (Seconds(settings, settingsPath, ConfigKeys.ExternalTimeout) is not { } timeout
            || Seconds(settings, settingsPath, ConfigKeys.ExternalStartTimeout) is not { } startTimeout)
        {
            return null;
        }

        var command = new ExternalCommand(argv, configDirectory, TimeSpan.FromSeconds(timeout), TimeSpan.FromSeconds(startTimeout));
        ExternalDescription description;
        try
        {
            description = ExternalDescription.Ask(command);
        }
        catch (ExternalProtocolException ex)
        {
            context.Error(commandEntry.Value, commandPath, $"the process cannot describe itself: {ex.Message}");
            return null;
        }

        return Register(new ExternalVariant(description, command, ExternalOrigin.Of(command)), commandEntry.Value, commandPath);
    }

    /// <summary>The entry's <paramref name="key"/> in seconds, the key's default when not given, null after an error.</summary>
    private double? Seconds(MappingNode settings, string settingsPath, ConfigKey key) =>
        settings.Entries.FirstOrDefault(e => e.Key.Text == key.Name) is { } entry
            ? context.Number(entry.Value, KeyPath.Child(settingsPath, key.Name), key)
            : (double)key.Default!;

    private List<string>? Argv(ConfigNode node, string path)
    {
        if (context.NonEmptyList(node, path, "the program and its arguments, e.g. [python3, my_optimizer.py]") is not { } list)
        {
            return null;
        }

        var argv = new List<string>();
        for (int i = 0; i < list.Items.Count; i++)
        {
            if (context.Text(list.Items[i], KeyPath.Item(path, i), "a program or argument") is not { } text)
            {
                return null;
            }

            argv.Add(text);
        }

        return argv;
    }

    /// <summary>A name may not be a built-in's or a plug-in's; two entries running the same command share one variant.</summary>
    private ExternalVariant? Register(ExternalVariant variant, ConfigNode node, string path)
    {
        string name = variant.Name;
        if (known.Any(v => v.Name == name))
        {
            string owner = VariantCatalog.Find(name) is null ? "a plug-in variant" : "the built-in variant";
            context.Error(node, path, $"external variant '{name}' clashes with {owner} '{name}'; give it another name");
            return null;
        }

        if (_described.TryGetValue(name, out var earlier))
        {
            if (earlier.Variant.Command.Display != variant.Command.Display)
            {
                context.Error(node, path, string.Create(CultureInfo.InvariantCulture, $"external variant '{name}' clashes with the external variant of {earlier.Path}; give it another name"));
                return null;
            }

            return earlier.Variant;
        }

        _described[name] = (variant, path);
        return variant;
    }
}
