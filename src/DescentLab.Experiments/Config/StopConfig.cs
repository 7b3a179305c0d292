namespace DescentLab.Experiments.Config;

/// <summary>Stop rules (SPEC §3 <c>stop</c>).</summary>
public sealed record StopConfig(int MaxEpochs = 100, double TargetGap = 1e-6, bool StopAtTarget = false, double DivergeFactor = 1e6);
