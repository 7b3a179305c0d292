using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Running;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;

namespace DescentLab.Output.Pipeline;

/// <summary>Streams each run of <c>run</c> to disk as it finishes: its curve file is written (atomically, flushed), then
/// the run is journaled, and only a <see cref="StreamedRun"/> digest stays in memory.</summary>
/// <remarks>Called on the runs' threads. The journal record comes after the curve file, so a journaled run always has its
/// curve. A curve that cannot be written (a full disk) is held in memory and the run is not journaled: the curves exporter
/// tries the file again and fails the set cleanly, and a resume reruns the run. A journal record that cannot be written
/// only means the run runs again on resume; after the first failure journaling stops and is reported once.</remarks>
internal sealed class RunRecorder(RunFolder folder, RunJournal journal, Action<string, string> onCurveFailed, Action<string, string> onJournalFailed)
{
    private int _curveFailed;
    private int _journalFailed;

    /// <summary>Writes and journals a run this process made.</summary>
    public StreamedRun Record(RunResult result) => Keep(result, journaled: false);

    /// <summary>Keeps a run read back from the journal; its curve file is written again only if it is missing.</summary>
    public StreamedRun Resumed(RunResult result) => Keep(result, journaled: true);

    private StreamedRun Keep(RunResult result, bool journaled)
    {
        var row = RunSetAssembler.ToRow(result);
        if (result.Training is not { } training)
        {
            if (!journaled)
            {
                Journal(result);
            }

            return new StreamedRun(row, false, null, []);
        }

        string runId = result.Spec.RunId;
        string path = CurveCsv.RelativePath(runId);
        bool written = journaled && File.Exists(folder.PathOf(path));
        if (!written)
        {
            try
            {
                folder.WriteText(path, w => CurveCsv.Write(w, training.Curve));
                written = true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (Interlocked.Exchange(ref _curveFailed, 1) == 0)
                {
                    onCurveFailed(runId, ex.Message);
                }
            }
        }

        if (written && !journaled)
        {
            Journal(result);
        }

        return new StreamedRun(row, true, written ? null : training.Curve, CurveHit.Of(training.Curve, RuntimeEcdf.DefaultTargets));
    }

    private void Journal(RunResult result)
    {
        if (Volatile.Read(ref _journalFailed) != 0)
        {
            return;
        }

        try
        {
            journal.Record(result);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (Interlocked.Exchange(ref _journalFailed, 1) == 0)
            {
                onJournalFailed(result.Spec.RunId, ex.Message);
            }
        }
    }
}
