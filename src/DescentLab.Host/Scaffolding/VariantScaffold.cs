using System.Text.RegularExpressions;
using DescentLab.Core.Variants;

namespace DescentLab.Host.Scaffolding;

/// <summary>Writes a new variant's plug-in project (C#) or external-process script (Python) with a first-updates test and
/// an example.yaml that runs it, from the templates embedded under Templates/ in this assembly.</summary>
public static partial class VariantScaffold
{
    /// <summary>Where a C# project's copy of the contract assembly (DescentLab.Core.dll of the running descentlab) goes,
    /// relative to the project's folder; both .csproj files reference it by this relative path.</summary>
    public const string ContractPath = "lib/DescentLab.Core.dll";

    /// <summary>The languages a variant can be scaffolded in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["csharp", "python"];

    /// <summary>Why <paramref name="name"/> cannot name a new variant, or null when it can.</summary>
    public static string? ProblemWithName(string name)
    {
        if (!SnakeCase().IsMatch(name))
        {
            return $"'{name}' is not a valid variant name: use snake_case (lower-case letters and digits, words joined by '_', starting with a letter), e.g. my_rule";
        }

        return VariantCatalog.Find(name) is null ? null : $"'{name}' is a built-in variant; choose another name";
    }

    /// <summary>Why the folder <paramref name="target"/> cannot be written, or null when it can (it must not exist).</summary>
    public static string? ProblemWithTarget(string target) =>
        Directory.Exists(target) || File.Exists(target) ? $"{target} already exists; choose another name or --out" : null;

    /// <summary>Writes the files of <paramref name="language"/> for <paramref name="name"/> into the new folder
    /// <paramref name="target"/>, all or nothing: they are written to a sibling folder that is moved into place at the end.
    /// Returns the paths written, relative to <paramref name="target"/>.</summary>
    /// <exception cref="IOException"><paramref name="target"/> exists, or writing failed (nothing is left behind).</exception>
    public static IReadOnlyList<string> Write(string name, string language, string target)
    {
        if (ProblemWithTarget(target) is { } problem)
        {
            throw new IOException(problem);
        }

        string full = Path.GetFullPath(target);
        string parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var placeholders = Placeholders(name);
        var written = new List<string>();
        try
        {
            foreach (var (template, relative) in Files(language))
            {
                string path = Path.Combine(staging, Fill(relative, placeholders));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, Fill(Read($"{language}/{template}"), placeholders));
                written.Add(Path.GetRelativePath(staging, path));
            }

            if (language == "csharp")
            {
                // The contract travels with the project, referenced by a relative path: it builds after descentlab is
                // reinstalled, moved or removed, and on another machine.
                CopyContract(Path.Combine(staging, Path.GetDirectoryName(ContractPath)!));
                written.Add(ContractPath);
            }

            Directory.Move(staging, full);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return written;
    }

    /// <summary>Copies the contract assembly (DescentLab.Core.dll of the running descentlab) into <paramref name="folder"/>,
    /// creating it and replacing an older copy; returns the copy's path.</summary>
    public static string CopyContract(string folder)
    {
        Directory.CreateDirectory(folder);
        string copy = Path.Combine(folder, Path.GetFileName(ContractPath));
        File.Copy(typeof(IVariant).Assembly.Location, copy, overwrite: true);
        return copy;
    }

    /// <summary>The C# identifier of <paramref name="name"/>: my_rule becomes MyRule.</summary>
    public static string PascalCase(string name) =>
        string.Concat(name.Split('_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    /// <summary>Each template of <paramref name="language"/> and the path it is written to (with placeholders).</summary>
    private static (string Template, string Path)[] Files(string language) => language switch
    {
        "csharp" =>
        [
            ("Plugin.csproj.template", "__PASCAL__/__PASCAL__.csproj"),
            ("PluginClass.template", "__PASCAL__/__PASCAL__Plugin.cs"),
            ("RuleStruct.template", "__PASCAL__/__PASCAL__Rule.cs"),
            ("Tests.csproj.template", "__PASCAL__.Tests/__PASCAL__.Tests.csproj"),
            ("RuleTests.template", "__PASCAL__.Tests/__PASCAL__RuleTests.cs"),
            ("example.yaml.template", "example.yaml"),
        ],
        "python" =>
        [
            ("variant.py.template", "__NAME__.py"),
            ("test_variant.py.template", "test___NAME__.py"),
            ("example.yaml.template", "example.yaml"),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "unknown language"),
    };

    /// <summary>The placeholders of the templates: the variant's name and its C# identifier.</summary>
    private static Dictionary<string, string> Placeholders(string name) => new()
    {
        ["__NAME__"] = name,
        ["__PASCAL__"] = PascalCase(name),
    };

    private static string Fill(string text, Dictionary<string, string> placeholders) =>
        placeholders.Aggregate(text, (current, p) => current.Replace(p.Key, p.Value, StringComparison.Ordinal));

    private static string Read(string template)
    {
        using var stream = typeof(VariantScaffold).Assembly.GetManifestResourceStream($"Templates/{template}")
            ?? throw new InvalidOperationException($"template Templates/{template} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
