namespace DescentLab.Tests.Support;

/// <summary>Where the plug-ins the tests load were built (same configuration as the tests), and the example folders.</summary>
public static class PluginPaths
{
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>The repository root.</summary>
    public static string Root { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    /// <summary>tests/DescentLab.TestPlugins: adam_copy, faulty_throws, faulty_nan.</summary>
    public static string TestPlugins => Built("tests", "DescentLab.TestPlugins");

    /// <summary>tests/DescentLab.TestPlugins.Clash: a variant called adam.</summary>
    public static string ClashPlugin => Built("tests", "DescentLab.TestPlugins.Clash");

    /// <summary>examples/plugin-csharp.</summary>
    public static string CSharpExample => Path.Combine(Root, "examples", "plugin-csharp");

    /// <summary>examples/plugin-python.</summary>
    public static string PythonExample => Path.Combine(Root, "examples", "plugin-python");

    /// <summary>examples/plugin-torch.</summary>
    public static string TorchExample => Path.Combine(Root, "examples", "plugin-torch");

    /// <summary>The Lion plug-in of the C# example.</summary>
    public static string Lion => Path.Combine(CSharpExample, "Lion", "bin", Configuration, "net10.0", "Lion.dll");

    private static string Built(string folder, string project) => Path.Combine(Root, folder, project, "bin", Configuration, "net10.0", project + ".dll");
}
