using System.Security.Cryptography;
using System.Text;
using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Validation;
using DescentLab.Experiments.Inputs;

namespace DescentLab.Experiments.Config;

/// <summary>Loads and validates YAML or JSON configs into <see cref="ExperimentConfig"/>.</summary>
/// <remarks>Either format is parsed into one position-carrying node tree, which one validator walks; so both formats
/// accept the same configs and word their errors the same way. Nothing is generated or run here.</remarks>
public static class ConfigLoader
{
    /// <summary>Loads <paramref name="path"/>; returns the config or every error found.</summary>
    /// <param name="path">The config file (<c>.yaml</c>, <c>.yml</c> or <c>.json</c>); errors name it as given.</param>
    /// <param name="limits">Sizes beyond which the config is refused.</param>
    /// <param name="reportSections">The section names <c>report.sections</c> may list (the report's parts and plot kinds,
    /// which the output layer defines); null accepts any name, for callers that render no report.</param>
    /// <param name="overrides"><c>--set</c> overrides, applied in order to the parsed file before it is validated.</param>
    public static ConfigLoadResult Load(string path, ConfigLimits limits, IReadOnlyList<string>? reportSections = null, IReadOnlyList<ConfigOverride>? overrides = null)
    {
        overrides ??= [];
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        string fullPath;
        byte[] bytes;
        try
        {
            fullPath = Path.GetFullPath(path);
            bytes = InputFile.ReadAllBytes(fullPath, InputFile.MaxConfigBytes);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(path, "file not found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed(path, $"cannot read the file: {ex.Message}");
        }

        var errors = new List<ConfigError>();
        if (FirstInvalidUtf8(bytes) is { } invalid)
        {
            var (line, column) = new TextPositions(bytes).At(invalid);
            string shown = Convert.ToHexString(bytes, invalid, 1);
            return new ConfigLoadResult(null, [new ConfigError(path, line, column, string.Empty, $"the file is not valid UTF-8 text (byte 0x{shown})")]);
        }

        var root = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".yaml" or ".yml" => YamlNodeReader.Read(new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true), path, errors),
            ".json" => JsonNodeReader.Read(WithoutByteOrderMark(bytes), path, errors),
            var other => Unknown(path, other, errors),
        };
        if (errors.Count > 0)
        {
            return new ConfigLoadResult(null, errors);
        }

        // An override that cannot be applied is reported with the rest; validation still finds every other mistake.
        var overrideErrors = new List<ConfigError>();
        if (overrides.Count > 0)
        {
            root = ConfigOverrides.Apply(root, overrides, path, overrideErrors);
        }

        var context = new ValidationContext(path);
        var config = new ConfigValidator(context, Path.GetDirectoryName(fullPath)!, limits, reportSections).Validate(root, fullPath, Hash(bytes, overrides));
        var found = context.Errors.OrderBy(e => e.Override is not null).ThenBy(e => e.Line).ThenBy(e => e.Column).Concat(overrideErrors).ToList();
        return found.Count > 0 || config is null
            ? new ConfigLoadResult(null, found)
            : new ConfigLoadResult(config with { Overrides = [.. overrides.Select(o => o.Text)] }, found);
    }

    /// <summary>The effective config's hash: SHA-256 of the file's bytes, followed, when there are overrides, by a line
    /// <c>--set KEY=VALUE</c> for each, so a run with overrides never shares a hash with the bare file.</summary>
    private static string Hash(byte[] bytes, IReadOnlyList<ConfigOverride> overrides)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(bytes);
        foreach (var given in overrides)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"\n--set {given.Text}"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static ConfigLoadResult Failed(string path, string message) => new(null, [new ConfigError(path, 1, 1, string.Empty, message)]);

    private static ConfigNode? Unknown(string path, string extension, List<ConfigError> errors)
    {
        string shown = extension.Length == 0 ? "no extension" : $"'{extension}'";
        errors.Add(new ConfigError(path, 1, 1, string.Empty, $"unknown config format ({shown}); expected a .yaml, .yml or .json file"));
        return null;
    }

    /// <summary>Offset of the first byte that is not part of a valid UTF-8 sequence, or null.</summary>
    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        for (int offset = 0; offset < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return null;
    }

    /// <summary>System.Text.Json refuses a leading UTF-8 byte order mark, which editors on Windows like to write.</summary>
    private static ReadOnlyMemory<byte> WithoutByteOrderMark(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsMemory(Encoding.UTF8.Preamble.Length) : bytes;
}
