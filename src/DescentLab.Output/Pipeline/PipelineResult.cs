namespace DescentLab.Output.Pipeline;

/// <summary>What a pipeline invocation produced.</summary>
/// <param name="Outcome">The worst outcome over the configs.</param>
/// <param name="Errors">Config errors (file:line:col) or other input problems, for stderr.</param>
/// <param name="RunFolders">Run folders written, in config order.</param>
public sealed record PipelineResult(PipelineOutcome Outcome, IReadOnlyList<string> Errors, IReadOnlyList<string> RunFolders);
