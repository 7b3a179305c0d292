using DescentLab.Core.Models;
using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Schema;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads a <c>models</c> list: <c>origin</c>, <c>logistic: {loss: cross_entropy}</c> or <c>mlp: {hidden: 3}</c> entries.</summary>
internal static class ModelsValidator
{
    private const string Example = "'logistic: {loss: cross_entropy}'";
    private static readonly string[] SettingKeys = ["loss"];
    private static readonly string[] HiddenSettingKeys = ["loss", "hidden"];

    /// <summary>The valid entries of the list at <paramref name="node"/>; every mistake is reported.</summary>
    public static IReadOnlyList<ParsedModel> Read(ValidationContext context, ConfigNode node, string path)
    {
        var list = context.NonEmptyList(node, path, "a non-empty list of models, e.g. [origin, affine]");
        var models = new List<ParsedModel>();
        for (int i = 0; list is not null && i < list.Items.Count; i++)
        {
            string itemPath = KeyPath.Item(path, i);
            if (ReadEntry(context, list.Items[i], itemPath) is not { } model)
            {
                continue;
            }

            if (models.Find(m => m.Config == model.Config) is { } twin)
            {
                context.Error(model.Node, itemPath, $"model '{ModelCatalog.Key(model.Config.Name, model.Config.Hidden)}' with loss {LossNames.ToKey(model.Config.Loss)} is listed twice (also at {twin.Path})");
                continue;
            }

            models.Add(model);
        }

        return models;
    }

    private static ParsedModel? ReadEntry(ValidationContext context, ConfigNode node, string path)
    {
        if (NamedEntry.Read(context, node, path, "model", Example) is not { } entry)
        {
            return null;
        }

        if (ModelCatalog.Find(entry.Name) is not { } definition)
        {
            context.Error(entry.NameNode, path, Suggestions.UnknownName("model", entry.Name, ModelCatalog.All.Select(m => m.Name).ToArray()));
            return null;
        }

        var loss = definition.Losses[0];
        int hidden = definition.DefaultHidden;
        string settingsPath = KeyPath.Child(path, entry.Name);
        if (entry.Settings is not null && context.Mapping(entry.Settings, settingsPath, $"model settings such as {Example}") is { } settings)
        {
            var keys = context.Keys(settings, settingsPath, ValidKeys(definition));
            if (keys.TryGetValue("loss", out var lossEntry))
            {
                if (ReadLoss(context, definition, entry.Name, lossEntry.Value, KeyPath.Child(settingsPath, "loss")) is not { } parsed)
                {
                    return null;
                }

                loss = parsed;
            }

            if (keys.TryGetValue("hidden", out var hiddenEntry))
            {
                if (context.Integer(hiddenEntry.Value, KeyPath.Child(settingsPath, "hidden"), ConfigKeys.Hidden) is not { } units)
                {
                    return null;
                }

                hidden = (int)units;
            }
        }

        return new ParsedModel(new ModelConfig(entry.Name, loss) { Hidden = hidden }, definition, node, path);
    }

    private static LossKind? ReadLoss(ValidationContext context, IModelDefinition definition, string name, ConfigNode node, string lossPath)
    {
        string valid = string.Join(", ", definition.Losses.Select(LossNames.ToKey));
        string? text = context.Text(node, lossPath, $"a loss ({valid})");
        if (text is null)
        {
            return null;
        }

        if (LossNames.Parse(text) is not { } parsed || !definition.Losses.Contains(parsed))
        {
            context.Error(node, lossPath, $"model '{name}' has no loss '{text}'; valid losses: {valid}");
            return null;
        }

        return parsed;
    }

    /// <summary>The settings keys of <paramref name="definition"/> (read by the JSON Schema).</summary>
    internal static IReadOnlyList<string> ValidKeys(IModelDefinition definition) => definition.DefaultHidden == 0 ? SettingKeys : HiddenSettingKeys;
}
