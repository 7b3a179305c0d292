using DescentLab.Experiments.Running;
using Microsoft.Extensions.DependencyInjection;

namespace DescentLab.Experiments;

/// <summary>Registers the Experiments layer.</summary>
public static class ExperimentsServiceCollectionExtensions
{
    /// <summary>Adds the runner and the clock it uses.</summary>
    public static IServiceCollection AddDescentLabExperiments(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ExperimentRunner>();
        return services;
    }
}
