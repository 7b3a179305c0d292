namespace DescentLab.Output.Pipeline;

/// <summary>Shard run folders that cannot be merged (different configs, missing or repeated shards).</summary>
public sealed class MergeException(string message) : Exception(message);
