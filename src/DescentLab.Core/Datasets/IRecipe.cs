namespace DescentLab.Core.Datasets;

/// <summary>A seeded generator of bean data.</summary>
public interface IRecipe
{
    /// <summary>Config key, e.g. <c>beans1</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>descentlab datasets</c>.</summary>
    string Description { get; }

    /// <summary>Input dimension of the generated data.</summary>
    int Dimension { get; }

    /// <summary>Generates <paramref name="n"/> samples from <paramref name="seed"/>, bit for bit as its draw order (in the recipe's remarks) says.</summary>
    Dataset Generate(int n, ulong seed);

    /// <summary>The true split of the classes for a 2-D classification recipe (what its labels are computed from), or
    /// null when the recipe has none to draw.</summary>
    ClassBoundary? Boundary => null;
}
