namespace DescentLab.Experiments.Config.Validation;

/// <summary>The names a report note and its claims may use, taken from the rest of the config.</summary>
/// <param name="Variants">Variant keys of the config.</param>
/// <param name="Datasets">Dataset names.</param>
/// <param name="Models">Model keys of the problems.</param>
/// <param name="Parameters">Parameter names of the problems' models (a claim may compare a final parameter).</param>
internal sealed record NoteNames(IReadOnlyList<string> Variants, IReadOnlyList<string> Datasets, IReadOnlyList<string> Models, IReadOnlyList<string> Parameters);
