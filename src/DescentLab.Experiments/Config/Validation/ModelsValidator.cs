using DescentLab.Core.Models;
using DescentLab.Experiments.Config.Nodes;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads a <c>models</c> list: <c>origin</c> or <c>logistic: {loss: cross_entropy}</c> entries.</summary>
internal static class ModelsValidator
{
    private const string Example = "'logistic: {loss: cross_entropy}'";
    private static readonly string[] SettingKeys = ["loss"];

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
                context.Error(model.Node, itemPath, $"model '{model.Config.Name}' with loss {LossNames.ToKey(model.Config.Loss)} is listed twice (also at {twin.Path})");
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
        string settingsPath = KeyPath.Child(path, entry.Name);
        if (entry.Settings is not null && context.Mapping(entry.Settings, settingsPath, $"model settings such as {Example}") is { } settings
            && context.Keys(settings, settingsPath, SettingKeys).TryGetValue("loss", out var lossEntry))
        {
            string lossPath = KeyPath.Child(settingsPath, "loss");
            string valid = string.Join(", ", definition.Losses.Select(LossNames.ToKey));
            string? text = context.Text(lossEntry.Value, lossPath, $"a loss ({valid})");
            if (text is null)
            {
                return null;
            }

            if (LossNames.Parse(text) is not { } parsed || !definition.Losses.Contains(parsed))
            {
                context.Error(lossEntry.Value, lossPath, $"model '{entry.Name}' has no loss '{text}'; valid losses: {valid}");
                return null;
            }

            loss = parsed;
        }

        return new ParsedModel(new ModelConfig(entry.Name, loss), definition, node, path);
    }
}
