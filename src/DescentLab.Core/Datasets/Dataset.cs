using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace DescentLab.Core.Datasets;

/// <summary>A bean dataset: flat columns x1 (and x2 for 2-D beans) and y.</summary>
/// <remarks>Columns are never modified after construction; trainers copy them when they reshuffle.</remarks>
public sealed class Dataset
{
    private readonly Lazy<DatasetIdentity> _identity;

    /// <summary>Wraps columns that the caller hands over (not copied).</summary>
    public Dataset(DatasetIdentity identity, double[] x1, double[]? x2, double[] y)
        : this(new Lazy<DatasetIdentity>(identity ?? throw new ArgumentNullException(nameof(identity))), x1, x2, y)
    {
    }

    private Dataset(Lazy<DatasetIdentity> identity, double[] x1, double[]? x2, double[] y)
    {
        if (x1.Length != y.Length || (x2 is not null && x2.Length != y.Length))
        {
            throw new ArgumentException("All columns must have the same length.");
        }

        _identity = identity;
        X1 = x1;
        X2 = x2 ?? [];
        Y = y;
        Dimension = x2 is null ? 1 : 2;
    }

    /// <summary>Where the data came from.</summary>
    /// <remarks>For <see cref="Create"/>, the content hash is computed on first use (once, thread-safe), so a caller can
    /// have it computed on another thread while it already uses the samples.</remarks>
    public DatasetIdentity Identity => _identity.Value;

    /// <summary>Input dimension: 1 (x) or 2 (x1, x2).</summary>
    public int Dimension { get; }

    /// <summary>Number of samples.</summary>
    public int Count => Y.Length;

    /// <summary>First input column.</summary>
    public double[] X1 { get; }

    /// <summary>Second input column; empty for 1-D data.</summary>
    public double[] X2 { get; }

    /// <summary>Targets.</summary>
    public double[] Y { get; }

    /// <summary>The columns as a sample view.</summary>
    public Samples Samples => new(X1, X2, Y);

    /// <summary>SHA-256 over the dimension then the little-endian bytes of x1, x2 and y.</summary>
    public static string ComputeContentHash(double[] x1, double[]? x2, double[] y)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([x2 is null ? (byte)1 : (byte)2]);
        hash.AppendData(MemoryMarshal.AsBytes(x1.AsSpan()));
        if (x2 is not null)
        {
            hash.AppendData(MemoryMarshal.AsBytes(x2.AsSpan()));
        }

        hash.AppendData(MemoryMarshal.AsBytes(y.AsSpan()));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Builds a dataset and its identity from columns (for files and recipes alike).</summary>
    public static Dataset Create(string name, string? recipe, ulong? seed, string? source, double[] x1, double[]? x2, double[] y) =>
        new(new Lazy<DatasetIdentity>(() => new DatasetIdentity(name, recipe, y.Length, seed, source, ComputeContentHash(x1, x2, y))), x1, x2, y);
}
