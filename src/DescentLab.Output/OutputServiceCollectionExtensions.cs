using DescentLab.Output.Exporters;
using DescentLab.Output.Pipeline;
using DescentLab.Output.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace DescentLab.Output;

/// <summary>Registers the Output layer.</summary>
public static class OutputServiceCollectionExtensions
{
    /// <summary>Adds the exporters of <see cref="DefaultExporters.All"/> (as <see cref="IExporter"/>, in order; register
    /// more after this call) and the pipeline that writes run folders with them.</summary>
    public static IServiceCollection AddDescentLabOutput(this IServiceCollection services)
    {
        foreach (var exporter in DefaultExporters.All)
        {
            services.AddSingleton(exporter);
        }

        services.AddSingleton<ExperimentPipeline>();
        services.AddSingleton<ReportsPruner>();
        return services;
    }
}
