using DescentLab.Experiments.Running;
using DescentLab.Output.Files;

namespace DescentLab.Output.Pipeline;

/// <summary>Records each finished run in the <see cref="RunJournal"/> before passing the progress on.</summary>
/// <remarks>A record that cannot be written only means the run runs again on resume, so it never fails the run set;
/// after the first failure (a full disk fails every record the same way) journaling stops and is reported once.</remarks>
internal sealed class JournalingProgress(RunJournal journal, IProgress<RunProgress>? inner, Action<string, string> onFailed) : IProgress<RunProgress>
{
    private int _failed;

    /// <inheritdoc/>
    public void Report(RunProgress value)
    {
        try
        {
            if (Volatile.Read(ref _failed) == 0)
            {
                journal.Record(value.Last);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (Interlocked.Exchange(ref _failed, 1) == 0)
            {
                onFailed(value.Last.Spec.RunId, ex.Message);
            }
        }

        inner?.Report(value);
    }
}
