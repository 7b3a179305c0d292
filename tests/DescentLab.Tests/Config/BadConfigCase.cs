using DescentLab.Experiments.Config;

namespace DescentLab.Tests.Config;

/// <summary>One row of the bad-input table: a config file, other files next to it, and the exact errors expected.</summary>
/// <param name="File">Config file name inside the test folder.</param>
/// <param name="Text">Its content, or null to leave it missing.</param>
/// <param name="Expected">Error strings; <c>{file}</c> stands for the path given to the loader, <c>{dir}</c> for the test folder.</param>
/// <param name="Limits">Limits to load with (default: <see cref="ConfigLimits.Default"/>).</param>
/// <param name="OtherFiles">Relative path and content of files next to the config.</param>
public sealed record BadConfigCase(string File, string? Text, string[] Expected, ConfigLimits? Limits = null, (string Path, string Text)[]? OtherFiles = null);
