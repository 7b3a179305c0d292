using DescentLab.Output.Plots;
using NUnit.Framework;

namespace DescentLab.Tests;

/// <summary>What Host does at start-up, once for the whole test assembly: ScottPlot's default font.</summary>
[SetUpFixture]
public sealed class StartUp
{
    /// <summary>Configures plot fonts as HostSetup does: in the background, so every plot test also checks that plots
    /// wait for it.</summary>
    [OneTimeSetUp]
    public void ConfigureFonts() => PlotFonts.ConfigureInBackground();
}
