using System.Globalization;
using DescentLab.Core.Training;
using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads one claim of a note's <c>expect</c> list: <c>{variant: V, &lt;measure&gt;: "&lt; 1e-3"}</c>,
/// <c>{variant: V, status: converged}</c>, <c>{faster: A, than: B, by: epochs_to_target}</c> or
/// <c>{better: A, than: B, by: final_gap}</c>, each with an optional <c>seeds: all | any | median</c>.</summary>
internal static class ClaimValidator
{
    private const string Expected = "a claim such as {variant: fixed_step, final_gap: \"> 1e-3\"} or {faster: sgd, than: batch, by: epochs_to_target}";
    private static readonly string[] Forms = ["variant", "faster", "better"];
    private static readonly string[] SeedKeys = ["all", "any", "median"];

    /// <summary>The claim at <paramref name="node"/>, or null after reporting what is wrong.</summary>
    public static NoteClaim? Read(ValidationContext context, ConfigNode node, string path, NoteNames names)
    {
        if (context.Mapping(node, path, Expected) is not { } mapping)
        {
            return null;
        }

        string[] validKeys = [.. Forms, "than", "by", "status", "seeds", .. NoteClaim.Measures, .. names.Parameters];
        int errors = context.Errors.Count;
        var keys = context.Keys(mapping, path, validKeys);
        if (context.Errors.Count > errors)
        {
            return null;
        }

        var forms = Forms.Where(keys.ContainsKey).ToList();
        if (forms.Count != 1)
        {
            context.Error(mapping, path, forms.Count == 0
                ? "missing required key 'variant', 'faster' or 'better' (whose runs the claim is about)"
                : $"give one of 'variant', 'faster' or 'better', not {string.Join(" and ", forms.Select(f => $"'{f}'"))}");
            return null;
        }

        string form = forms[0];
        string? variant = ReadVariant(context, keys[form].Value, KeyPath.Child(path, form), names);
        var seeds = keys.TryGetValue("seeds", out var seedsEntry) ? ReadSeeds(context, seedsEntry, KeyPath.Child(path, "seeds")) : ClaimSeeds.All;
        var claim = form == "variant" ? ReadVariantClaim(context, mapping, keys, path, names) : ReadComparison(context, mapping, keys, path, form, names);
        return claim is null || variant is null || seeds is null || context.Errors.Count > errors ? null : claim with { Variant = variant, Seeds = seeds.Value };
    }

    /// <summary>A claim about one variant's runs: a status or exactly one measure compared with a number or the optimum.</summary>
    private static NoteClaim? ReadVariantClaim(ValidationContext context, MappingNode mapping, IReadOnlyDictionary<string, MappingEntry> keys, string path, NoteNames names)
    {
        foreach (string key in new[] { "than", "by" }.Where(keys.ContainsKey))
        {
            context.Error(keys[key].Key, KeyPath.Child(path, key), $"'{key}' belongs to a 'faster' or 'better' claim, not to a 'variant' claim");
        }

        string[] said = [.. keys.Keys.Where(k => k == "status" || NoteClaim.Measures.Contains(k) || names.Parameters.Contains(k))];
        if (said.Length != 1)
        {
            string choices = string.Join(", ", ["status", .. NoteClaim.Measures, .. names.Parameters]);
            context.Error(mapping, path, said.Length == 0
                ? $"missing what is claimed: one of {choices}"
                : $"one claim says one thing; split {string.Join(" and ", said.Select(k => $"'{k}'"))} into separate claims");
            return null;
        }

        string measure = said[0];
        var entry = keys[measure];
        string valuePath = KeyPath.Child(path, measure);
        if (measure == "status")
        {
            string[] statuses = [.. Enum.GetValues<RunStatus>().Select(s => s.ToKey())];
            if (context.Text(entry.Value, valuePath, "a run status") is not { } status)
            {
                return null;
            }

            if (!statuses.Contains(status, StringComparer.Ordinal))
            {
                context.Error(entry.Value, valuePath, Unknown("status", status, statuses));
                return null;
            }

            return new NoteClaim { Kind = ClaimKind.Status, Variant = string.Empty, Status = status };
        }

        bool optimumAllowed = measure == NoteClaim.FinalLoss || names.Parameters.Contains(measure);
        string expected = optimumAllowed ? "a comparison such as \"< 1e-3\" or \">= optimum\"" : "a comparison such as \"< 1e-3\"";
        if (context.Text(entry.Value, valuePath, expected) is not { } text)
        {
            return null;
        }

        string trimmed = text.Trim();
        string? op = NoteClaim.Comparisons.FirstOrDefault(c => trimmed.StartsWith(c, StringComparison.Ordinal));
        string operand = op is null ? string.Empty : trimmed[op.Length..].Trim();
        if (op is not null && operand == NoteClaim.Optimum)
        {
            if (!optimumAllowed)
            {
                context.Error(entry.Value, valuePath, $"'{measure}' cannot be compared with the optimum; only final_loss and the parameters ({string.Join(", ", names.Parameters)}) can");
                return null;
            }

            return new NoteClaim { Kind = ClaimKind.Measure, Variant = string.Empty, Measure = measure, Comparison = op };
        }

        if (op is null || !double.TryParse(operand, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            context.Error(entry.Value, valuePath, $"expected {expected}, got '{text}'");
            return null;
        }

        return new NoteClaim { Kind = ClaimKind.Measure, Variant = string.Empty, Measure = measure, Comparison = op, Value = value };
    }

    /// <summary>A comparison of two variants: <c>faster</c> by a measure to target (epochs by default), <c>better</c> by a final measure.</summary>
    private static NoteClaim? ReadComparison(ValidationContext context, MappingNode mapping, IReadOnlyDictionary<string, MappingEntry> keys, string path, string form, NoteNames names)
    {
        foreach (string key in keys.Keys.Where(k => k == "status" || NoteClaim.Measures.Contains(k) || names.Parameters.Contains(k)))
        {
            context.Error(keys[key].Key, KeyPath.Child(path, key), $"'{key}' belongs to a 'variant' claim; a '{form}' claim names its measure in 'by'");
        }

        var kind = form == "faster" ? ClaimKind.Faster : ClaimKind.Better;
        var measures = kind == ClaimKind.Faster ? NoteClaim.ToTargetMeasures : NoteClaim.FinalMeasures;
        string? than = context.Required(keys, "than", mapping, path, "the variant compared with") is { } thanNode
            ? ReadVariant(context, thanNode, KeyPath.Child(path, "than"), names)
            : null;
        string? measure = kind == ClaimKind.Faster ? NoteClaim.EpochsToTarget : null;
        if (keys.TryGetValue("by", out var by) || kind == ClaimKind.Better)
        {
            measure = null;
            string byPath = KeyPath.Child(path, "by");
            if ((by?.Value ?? context.Required(keys, "by", mapping, path, "the final measure compared")) is { } byNode
                && context.Text(byNode, byPath, "a measure") is { } text)
            {
                if (measures.Contains(text, StringComparer.Ordinal))
                {
                    measure = text;
                }
                else
                {
                    context.Error(byNode, byPath, Unknown("measure", text, measures) + $" (what a '{form}' claim compares by)");
                }
            }
        }

        return than is null || measure is null ? null : new NoteClaim { Kind = kind, Variant = string.Empty, Measure = measure, Than = than };
    }

    private static string? ReadVariant(ValidationContext context, ConfigNode node, string path, NoteNames names)
    {
        if (context.Text(node, path, "a variant name") is not { } name)
        {
            return null;
        }

        if (!names.Variants.Contains(name, StringComparer.Ordinal))
        {
            context.Error(node, path, Suggestions.UnknownName("variant", name, names.Variants) + " (the variants of this config)");
            return null;
        }

        return name;
    }

    /// <summary><c>unknown status 'convergd' (did you mean 'converged'?); expected one of converged, ...</c></summary>
    private static string Unknown(string what, string given, IReadOnlyList<string> valid)
    {
        string? hint = Suggestions.Closest(given, valid);
        return $"unknown {what} '{given}'{(hint is null ? string.Empty : $" (did you mean '{hint}'?)")}; expected one of {string.Join(", ", valid)}";
    }

    private static ClaimSeeds? ReadSeeds(ValidationContext context, MappingEntry entry, string path)
    {
        if (context.Text(entry.Value, path, "all, any or median") is not { } text)
        {
            return null;
        }

        int index = Array.IndexOf(SeedKeys, text);
        if (index < 0)
        {
            context.Error(entry.Value, path, Unknown("seeds", text, SeedKeys));
            return null;
        }

        return (ClaimSeeds)index;
    }
}
