using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Running;

/// <summary>Facts about the invocation that go into the manifest.</summary>
/// <param name="ConfigPath">Config file as given on the command line.</param>
/// <param name="ResolvedConfig">The resolved config.</param>
/// <param name="Command">The command line that reproduces the run.</param>
/// <param name="GitCommit">Git commit of the working directory, or null.</param>
/// <param name="Versions">DescentLab and package versions.</param>
/// <param name="Machine">Machine description.</param>
/// <param name="Parallel">Degree of parallelism.</param>
public sealed record RunEnvironment(
    string ConfigPath,
    ResolvedConfig ResolvedConfig,
    string Command,
    string? GitCommit,
    IReadOnlyDictionary<string, string> Versions,
    MachineInfo Machine,
    int Parallel);
