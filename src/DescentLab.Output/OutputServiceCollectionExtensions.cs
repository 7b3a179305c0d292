using DescentLab.Output.Pipeline;
using DescentLab.Output.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace DescentLab.Output;

/// <summary>Registers the Output layer.</summary>
public static class OutputServiceCollectionExtensions
{
    /// <summary>Adds exporters and the pipeline that writes run folders.</summary>
    public static IServiceCollection AddDescentLabOutput(this IServiceCollection services)
    {
        services.AddSingleton<ExperimentPipeline>();
        services.AddSingleton<ReportsPruner>();
        return services;
    }
}
