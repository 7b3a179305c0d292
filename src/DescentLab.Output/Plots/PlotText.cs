using System.Globalization;

namespace DescentLab.Output.Plots;

/// <summary>Small text pieces shared by plot titles and alt texts (invariant culture).</summary>
internal static class PlotText
{
    /// <summary>A file name under <c>plots/</c>, e.g. <c>plots/convergence-beans1-n100-origin-mse.png</c>.</summary>
    public static string PathOf(string name) => "plots/" + name + ".png";

    /// <summary>The panels' titles and their lines, for alt text: <c>family: a, b; family: c</c>.</summary>
    public static string DescribePanels<T>(IReadOnlyList<Panel<T>> panels, Func<T, string> label) =>
        string.Join("; ", panels.Select(p => p.FullTitle + ": " + string.Join(", ", p.Items.Select(label))));

    /// <summary>A number of seeds, e.g. <c>1 seed</c>, <c>5 seeds</c>.</summary>
    public static string Seeds(int count) => string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "seed" : "seeds")}");
}
