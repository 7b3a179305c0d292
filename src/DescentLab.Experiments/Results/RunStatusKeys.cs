using DescentLab.Core.Training;

namespace DescentLab.Experiments.Results;

/// <summary>The spellings of <see cref="RunStatus"/> in CSV, reports and history.</summary>
public static class RunStatusKeys
{
    /// <summary><c>converged</c>, <c>not_converged</c>, <c>diverged</c> or <c>failed</c>.</summary>
    public static string ToKey(this RunStatus status) => status switch
    {
        RunStatus.Converged => "converged",
        RunStatus.NotConverged => "not_converged",
        RunStatus.Diverged => "diverged",
        RunStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Parses a key written by <see cref="ToKey"/>.</summary>
    public static bool TryParse(string key, out RunStatus status)
    {
        foreach (var candidate in Enum.GetValues<RunStatus>())
        {
            if (candidate.ToKey() == key)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
