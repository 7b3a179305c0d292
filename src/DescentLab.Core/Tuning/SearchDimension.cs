namespace DescentLab.Core.Tuning;

/// <summary>One tuned hyper-parameter of a search space: its name and range.</summary>
/// <param name="Name">The hyper-parameter's config key, e.g. <c>lr</c>.</param>
/// <param name="Range">Where its values are drawn from.</param>
public sealed record SearchDimension(string Name, SearchRange Range);
