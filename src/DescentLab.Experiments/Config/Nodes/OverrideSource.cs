namespace DescentLab.Experiments.Config.Nodes;

/// <summary>The <c>--set</c> override a node came from: as given, and the key path it sets (as errors name it, e.g.
/// <c>variants[0].sgd.lr</c>), so an error there names the override rather than a line of the file.</summary>
internal sealed record OverrideSource(string Text, string KeyPath);
