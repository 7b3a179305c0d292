using DescentLab.Core.Training;

namespace DescentLab.Experiments.Results;

/// <summary>The spellings of <see cref="RunStatus"/> in CSV, reports and history.</summary>
public static class RunStatusKeys
{
    /// <summary><c>converged</c>, <c>not_converged</c>, <c>lost_target</c>, <c>diverged</c> or <c>failed</c>.</summary>
    public static string ToKey(this RunStatus status) => status switch
    {
        RunStatus.Converged => "converged",
        RunStatus.NotConverged => "not_converged",
        RunStatus.LostTarget => "lost_target",
        RunStatus.Diverged => "diverged",
        RunStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>How a status reads in report text: the key, but <c>reached, then lost</c> for <see cref="RunStatus.LostTarget"/>.</summary>
    public static string ToWords(this RunStatus status) => status switch
    {
        RunStatus.NotConverged => "not converged",
        RunStatus.LostTarget => "reached, then lost",
        _ => status.ToKey(),
    };

    /// <summary>Every key, for messages about a bad value: <c>converged, not_converged, lost_target, diverged or failed</c>.</summary>
    public static string Listed
    {
        get
        {
            var keys = Enum.GetValues<RunStatus>().Select(s => s.ToKey()).ToList();
            return string.Join(", ", keys[..^1]) + " or " + keys[^1];
        }
    }

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
