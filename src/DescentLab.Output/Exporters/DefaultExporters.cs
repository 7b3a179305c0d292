namespace DescentLab.Output.Exporters;

/// <summary>The exporters of a run folder, in writing order. Add an exporter with one line here; the service collection
/// registers this list (<see cref="OutputServiceCollectionExtensions.AddDescentLabOutput"/>).</summary>
public static class DefaultExporters
{
    /// <summary>All exporters; the manifest comes last because its presence marks the folder complete.</summary>
    public static IReadOnlyList<IExporter> All { get; } =
    [
        new DatasetsExporter(),
        new CurvesExporter(),
        new SummaryExporter(),
        new RegressionExporter(),
        new TrendExporter(),
        new ClaimsExporter(),
        new ReportExporter(),
        new ManifestExporter(),
    ];
}
