using System.Globalization;
using System.Text;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>A leaderboard's problem: dataset name, size, model and loss, with the seeds aggregated.</summary>
/// <param name="Dataset">Dataset name (recipe or file name).</param>
/// <param name="N">Samples.</param>
/// <param name="Model">Model key.</param>
/// <param name="Loss"><c>mse</c> or <c>cross_entropy</c>.</param>
public sealed record ProblemKey(string Dataset, int N, string Model, string Loss)
{
    /// <summary>The problem <paramref name="row"/> belongs to.</summary>
    public static ProblemKey From(SummaryRow row) => new(row.Dataset, row.N, row.Model, row.Loss);

    /// <summary>Readable label, e.g. <c>beans2 n=100, affine, mse</c>.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Dataset} n={N}, {Model}, {Loss}");

    /// <summary>File-name-safe form, e.g. <c>beans2-n100-affine-mse</c>.</summary>
    public string Slug
    {
        get
        {
            var slug = new StringBuilder();
            foreach (char c in string.Create(CultureInfo.InvariantCulture, $"{Dataset}-n{N}-{Model}-{Loss}"))
            {
                slug.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
            }

            return slug.ToString();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Label;
}
