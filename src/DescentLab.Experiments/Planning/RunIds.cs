using System.Globalization;
using System.Text;
using DescentLab.Core.Models;
using DescentLab.Experiments.Config;

namespace DescentLab.Experiments.Planning;

/// <summary>Builds run ids: <c>{dataset}-n{n}_{model}[-h{hidden}][-ce]_{variant}[_{param}{value}...][_b{batch}][_shuffle]_s{seed}</c>.</summary>
/// <remarks>Only hyper-parameters written in the config appear, in config order, so ids stay short and stable when a
/// default changes elsewhere. Values use round-trip invariant text. Every character is in [A-Za-z0-9._-].</remarks>
public static class RunIds
{
    /// <summary>The id of one run.</summary>
    public static string Create(
        string datasetName,
        int n,
        ModelConfig model,
        string variant,
        IEnumerable<KeyValuePair<string, double>> givenHyperParameters,
        int? batch,
        bool shuffle,
        ulong seed)
    {
        var id = new StringBuilder();
        id.Append(Sanitize(datasetName)).Append("-n").Append(n.ToString(CultureInfo.InvariantCulture));
        id.Append('_').Append(model.Key);
        if (model.Loss == LossKind.CrossEntropy)
        {
            id.Append("-ce");
        }

        id.Append('_').Append(variant);
        foreach (var (name, value) in givenHyperParameters)
        {
            id.Append('_').Append(name).Append(value.ToString("R", CultureInfo.InvariantCulture));
        }

        if (batch is int b)
        {
            id.Append("_b").Append(b.ToString(CultureInfo.InvariantCulture));
        }

        if (shuffle)
        {
            id.Append("_shuffle");
        }

        id.Append("_s").Append(seed.ToString(CultureInfo.InvariantCulture));
        return id.ToString();
    }

    /// <summary>The variant setting of a run: its id without the trailing <c>_s{seed}</c>, so the runs of one problem ×
    /// variant setting over all seeds share it.</summary>
    public static string Setting(string runId)
    {
        int cut = runId.LastIndexOf("_s", StringComparison.Ordinal);
        bool seedSuffix = cut > 0 && cut + 2 < runId.Length && !runId.AsSpan(cut + 2).ContainsAnyExceptInRange('0', '9');
        return seedSuffix ? runId[..cut] : runId;
    }

    /// <summary>The tuned group of a run: its id without the seed, the <c>_eval</c> mark and the <c>_t{trial}</c> tag, so every
    /// trial and evaluation run of one problem × variant entry shares it.</summary>
    public static string TrialGroup(string runId)
    {
        string setting = Setting(runId);
        if (setting.EndsWith("_eval", StringComparison.Ordinal))
        {
            setting = setting[..^"_eval".Length];
        }

        int cut = setting.LastIndexOf("_t", StringComparison.Ordinal);
        bool trialTag = cut > 0 && cut + 2 < setting.Length && !setting.AsSpan(cut + 2).ContainsAnyExceptInRange('0', '9');
        return trialTag ? setting[..cut] : setting;
    }

    /// <summary>Replaces every character outside [A-Za-z0-9._-] with '-'.</summary>
    public static string Sanitize(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            result.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }

        return result.ToString();
    }
}
