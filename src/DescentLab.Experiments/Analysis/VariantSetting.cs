using System.Globalization;
using System.Text;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Text;

namespace DescentLab.Experiments.Analysis;

/// <summary>A variant with its hyper-parameters and batch: everything in a run id except the dataset, model and seed.</summary>
/// <param name="Variant">Variant key.</param>
/// <param name="Lr">Learning rate, if the variant has one.</param>
/// <param name="Step">Fixed step, if the variant has one.</param>
/// <param name="Batch">Samples per update, or null for the full batch (so settings compare across datasets of other sizes).</param>
/// <param name="Shuffle">Reshuffled each epoch.</param>
/// <param name="HyperParameters">Other hyper-parameters than lr and step.</param>
public sealed record VariantSetting(string Variant, double? Lr, double? Step, int? Batch, bool Shuffle, HyperValues HyperParameters)
{
    /// <summary>The setting of <paramref name="row"/>.</summary>
    public static VariantSetting From(SummaryRow row) =>
        new(row.Variant, row.Lr, row.Step, row.Batch >= row.N ? null : row.Batch, row.Shuffle, row.HyperParameters);

    /// <summary>The same setting without its learning rate (the line a learning-rate sweep is drawn along).</summary>
    public VariantSetting WithoutLr() => this with { Lr = null };

    /// <summary>Readable label, e.g. <c>minibatch lr=0.1 batch=10 shuffle</c> or <c>adam lr=0.1</c>: the hyper-parameters at
    /// their catalog defaults are left out (<see cref="FullLabel"/> keeps them; summary.csv has every value).</summary>
    /// <remarks>The batch is left out where the variant fixes it to one sample (sgd, rosenblatt). Numbers are written by
    /// <see cref="HumanNumber.Exact"/>, so two settings never share a label.</remarks>
    public string Label => Describe(full: false);

    /// <summary>The label with every hyper-parameter, defaults included, e.g. <c>adam lr=0.1 beta1=0.9 beta2=0.999 eps=1e-8</c>.</summary>
    public string FullLabel => Describe(full: true);

    /// <summary>The hyper-parameters <see cref="Label"/> leaves out because they have their defaults, e.g.
    /// <c>beta1=0.9 beta2=0.999 eps=1e-8</c>; empty when none is.</summary>
    public string Defaults => string.Join(' ', HyperParameters.Pairs.Where(IsDefault).Select(p => p.Key + "=" + Format(p.Value)));

    /// <inheritdoc/>
    public override string ToString() => Label;

    private string Describe(bool full)
    {
        var text = new StringBuilder(Variant);
        if (Lr is double lr)
        {
            text.Append(" lr=").Append(Format(lr));
        }

        if (Step is double step)
        {
            text.Append(" step=").Append(Format(step));
        }

        foreach (var pair in HyperParameters.Pairs.Where(p => full || !IsDefault(p)))
        {
            text.Append(' ').Append(pair.Key).Append('=').Append(Format(pair.Value));
        }

        if (Batch is int batch && VariantCatalog.Find(Variant)?.BatchMode != BatchMode.One)
        {
            text.Append(" batch=").Append(batch.ToString(CultureInfo.InvariantCulture));
        }

        if (Shuffle)
        {
            text.Append(" shuffle");
        }

        return text.ToString();
    }

    /// <summary>Whether the value is the catalog's default for this variant (a plug-in's parameters are always shown).</summary>
    private bool IsDefault(KeyValuePair<string, double> pair) =>
        VariantCatalog.Find(Variant)?.Parameters.FirstOrDefault(p => p.Name == pair.Key) is { } parameter
        && parameter.Default.Equals(pair.Value);

    private static string Format(double value) => HumanNumber.Exact(value);
}
