using System.Globalization;
using System.Text;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Results;

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

    /// <summary>Readable label, e.g. <c>minibatch lr=0.1 batch=10 shuffle</c>.</summary>
    /// <remarks>The batch is left out where the variant fixes it to one sample (sgd, rosenblatt).</remarks>
    public string Label
    {
        get
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

            foreach (var (name, value) in HyperParameters.Pairs)
            {
                text.Append(' ').Append(name).Append('=').Append(Format(value));
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
    }

    /// <inheritdoc/>
    public override string ToString() => Label;

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
