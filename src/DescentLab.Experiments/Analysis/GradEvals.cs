namespace DescentLab.Experiments.Analysis;

/// <summary>Per-sample gradient evaluations spent by a curve row, recomputed from its epoch and step columns.</summary>
public static class GradEvals
{
    /// <summary>Evaluations spent when a run on <paramref name="n"/> samples with batches of <paramref name="batch"/>
    /// had finished <paramref name="step"/> updates in epoch <paramref name="epoch"/>.</summary>
    /// <remarks>Each full epoch costs n (the last batch of an epoch may be short); inside an epoch each update costs one
    /// batch. Matches the trainer's count for epoch rows (epoch × n) and step rows alike.</remarks>
    public static long At(int epoch, long step, int n, int batch)
    {
        if (epoch <= 0 || n <= 0)
        {
            return 0;
        }

        int size = Math.Clamp(batch, 1, n);
        long updatesPerEpoch = (n + size - 1) / size;
        long inEpoch = step - ((epoch - 1) * updatesPerEpoch);
        return ((long)(epoch - 1) * n) + Math.Clamp(inEpoch * size, 0, n);
    }
}
