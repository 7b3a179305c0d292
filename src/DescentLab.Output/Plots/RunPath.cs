using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Plots;

/// <summary>The first seed's run of a setting as the course draws it: the parameters and loss after each epoch (or
/// step), up to the last finite row.</summary>
internal sealed class RunPath
{
    private RunPath(Curve curve, int rows)
    {
        Curve = curve;
        Rows = rows;
    }

    /// <summary>The recorded curve.</summary>
    public Curve Curve { get; }

    /// <summary>Rows from row 0 up to the last one whose parameters and loss are all finite.</summary>
    public int Rows { get; }

    /// <summary>The path of <paramref name="setting"/>'s first-seed run, or null when it has no curve.</summary>
    public static RunPath? Of(RunSet set, ProblemContext context, SettingRuns setting)
    {
        var run = context.FirstSeedRun(setting);
        if (run is null || !set.Curves.TryRead(run.RunId, out var curve))
        {
            return null;
        }

        int rows = 0;
        while (rows < curve.Count && double.IsFinite(curve.Loss[rows]) && AllFinite(curve.ParametersAt(rows)))
        {
            rows++;
        }

        return new RunPath(curve, rows);
    }

    /// <summary>Parameter <paramref name="index"/> of row <paramref name="row"/>.</summary>
    public double Parameter(int row, int index) => Curve.ParametersAt(row)[index];

    /// <summary>At most <paramref name="count"/> rows to mark: every row while there are few, else the first rows (where a
    /// descent moves most) and then evenly spread ones, always with the last.</summary>
    public IReadOnlyList<int> Marked(int count)
    {
        if (Rows <= count)
        {
            return [.. Enumerable.Range(0, Rows)];
        }

        int head = count / 4;
        var marked = new SortedSet<int>(Enumerable.Range(0, head)) { Rows - 1 };
        int rest = count - head - 1;
        for (int i = 1; i <= rest; i++)
        {
            marked.Add(head + (int)((long)(Rows - 1 - head) * i / (rest + 1)));
        }

        return [.. marked];
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
