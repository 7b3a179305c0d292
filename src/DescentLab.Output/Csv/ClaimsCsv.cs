using DescentLab.Experiments.Analysis.Claims;

namespace DescentLab.Output.Csv;

/// <summary>claims.csv: every claim of the report's notes, checked on the run set.</summary>
/// <remarks>Columns <c>section,dataset,model,claim,measured,holds</c>: the note's section, dataset and model (empty for
/// every one), the claim and what was measured in the words report.md shows, and <c>true</c> or <c>false</c>.</remarks>
public static class ClaimsCsv
{
    /// <summary>The file name in a run folder.</summary>
    public const string FileName = "claims.csv";

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["section", "dataset", "model", "claim", "measured", "holds"];

    /// <summary>Writes <paramref name="results"/> with a header.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<ClaimResult> results)
    {
        using var csv = new CsvTableWriter(writer);
        csv.Header(Columns);
        foreach (var result in results)
        {
            csv.Field(result.Note.Section);
            csv.Field(result.Note.Dataset ?? string.Empty);
            csv.Field(result.Note.Model ?? string.Empty);
            csv.Field(result.Statement);
            csv.Field(result.Measured);
            csv.Field(result.Holds);
            csv.EndRecord();
        }
    }
}
