using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>One base colour per variant, the same in every plot, from the Okabe–Ito colour-blind-safe set (plus Paul
/// Tol's olive and green): the variants of one family never share a hue. Shades within a panel: <see cref="PanelShades"/>.</summary>
public static class VariantPalette
{
    private static readonly Dictionary<string, Color> Colours = new(StringComparer.Ordinal)
    {
        ["closed_form"] = Color.FromHex("#000000"),
        ["batch"] = Color.FromHex("#0072B2"),
        ["sgd"] = Color.FromHex("#E69F00"),
        ["minibatch"] = Color.FromHex("#009E73"),
        ["fixed_step"] = Color.FromHex("#999933"),
        ["rosenblatt"] = Color.FromHex("#CC79A7"),
        ["momentum"] = Color.FromHex("#0072B2"),
        ["nesterov"] = Color.FromHex("#D55E00"),
        ["adagrad"] = Color.FromHex("#E69F00"),
        ["rmsprop"] = Color.FromHex("#009E73"),
        ["adam"] = Color.FromHex("#0072B2"),
        ["line_search"] = Color.FromHex("#117733"),
    };

    private static readonly Color Unknown = Color.FromHex("#000000");

    /// <summary>The colour of <paramref name="variant"/> (black for a variant the palette does not know yet).</summary>
    public static Color Of(string variant) => Colours.GetValueOrDefault(variant, Unknown);
}
