namespace DescentLab.Core.Tuning;

/// <summary>How a search range spreads its values; the config key of each is its snake_case name.</summary>
public enum SearchRangeKind
{
    /// <summary><c>log_uniform: [low, high]</c>: uniform in log(value), for scales such as a learning rate.</summary>
    LogUniform,

    /// <summary><c>uniform: [low, high]</c>: uniform in the value.</summary>
    Uniform,

    /// <summary><c>int_uniform: [low, high]</c>: each integer from low to high (both included) equally likely.</summary>
    IntUniform,

    /// <summary><c>choice: [a, b, ...]</c>: each listed value equally likely.</summary>
    Choice,
}
