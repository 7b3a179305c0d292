namespace DescentLab.Experiments.Planning;

/// <summary>What a tuned plan needs to plan its evaluation runs once the trials have run.</summary>
/// <param name="Groups">Every tuned group (problem × variant entry), in plan order, this shard's and the others'.</param>
public sealed record TunePlan(IReadOnlyList<TuneGroup> Groups);
