namespace DescentLab.Experiments.Config;

/// <summary>A text the report shows once, in one section, optionally only at one problem, with the claims it makes
/// about the runs there.</summary>
public sealed record ReportNote
{
    /// <summary>The section (a report part or a plot kind) the note belongs to.</summary>
    public required string Section { get; init; }

    /// <summary>The text (Markdown).</summary>
    public required string Text { get; init; }

    /// <summary>The dataset name the note is about, or null for every dataset.</summary>
    public string? Dataset { get; init; }

    /// <summary>The model key the note is about, or null for every model.</summary>
    public string? Model { get; init; }

    /// <summary>The claims, checked on the runs of the note's problems and shown ✓ or ✗ under the text.</summary>
    public IReadOnlyList<NoteClaim> Expect { get; init; } = [];

    /// <summary>Whether the note names a dataset or a model (it is then shown at that problem only).</summary>
    public bool HasProblem => Dataset is not null || Model is not null;

    /// <summary>Whether the note is about runs of <paramref name="dataset"/> fitted by <paramref name="model"/>.</summary>
    public bool Describes(string dataset, string model) =>
        (Dataset is null || string.Equals(Dataset, dataset, StringComparison.Ordinal)) && (Model is null || string.Equals(Model, model, StringComparison.Ordinal));
}
