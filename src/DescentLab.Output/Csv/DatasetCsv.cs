using DescentLab.Core.Datasets;

namespace DescentLab.Output.Csv;

/// <summary>data/&lt;dataset_key&gt;.csv: the samples of a dataset instance, so a run folder can be re-plotted without
/// regenerating its data.</summary>
/// <remarks>Header <c>x,y</c> for 1-D data and <c>x1,x2,y</c> for 2-D data (the format users' own files have).
/// Numbers are invariant and round-trip exact.</remarks>
public static class DatasetCsv
{
    /// <summary>The folder of dataset files in a run folder.</summary>
    public const string FolderName = "data";

    /// <summary>Path of the dataset instance <paramref name="datasetKey"/> relative to the run folder.</summary>
    public static string RelativePath(string datasetKey) => Path.Combine(FolderName, datasetKey + ".csv");

    /// <summary>Writes the samples of <paramref name="dataset"/> with a header.</summary>
    public static void Write(TextWriter writer, Dataset dataset)
    {
        using var csv = new CsvTableWriter(writer);
        bool twoD = dataset.Dimension == 2;
        csv.Header(twoD ? ["x1", "x2", "y"] : ["x", "y"]);
        for (int i = 0; i < dataset.Count; i++)
        {
            csv.Field(dataset.X1[i]);
            if (twoD)
            {
                csv.Field(dataset.X2[i]);
            }

            csv.Field(dataset.Y[i]);
            csv.EndRecord();
        }
    }

    /// <summary>Reads the samples written for the dataset instance <paramref name="identity"/>.</summary>
    /// <exception cref="RunFileException">The file is missing or malformed, or its values do not match
    /// <paramref name="identity"/> (sample count or content hash).</exception>
    public static Dataset Read(string path, DatasetIdentity identity)
    {
        using var csv = CsvTableReader.Open(path);
        bool twoD = csv.Header.Count == 3;
        csv.ExpectColumns(twoD ? ["x1", "x2", "y"] : ["x", "y"]);
        if (csv.Header.Count != (twoD ? 3 : 2))
        {
            throw new RunFileException(path, 1, "expected the header x,y or x1,x2,y");
        }

        var x1 = new List<double>();
        var x2 = new List<double>();
        var y = new List<double>();
        while (csv.Read())
        {
            x1.Add(csv.Double(0));
            if (twoD)
            {
                x2.Add(csv.Double(1));
            }

            y.Add(csv.Double(twoD ? 2 : 1));
        }

        if (y.Count != identity.N)
        {
            throw new RunFileException(path, 0, $"expected {identity.N} samples for dataset {identity.Name} but found {y.Count}");
        }

        double[] x1Column = [.. x1];
        double[]? x2Column = twoD ? [.. x2] : null;
        double[] yColumn = [.. y];
        string hash = Dataset.ComputeContentHash(x1Column, x2Column, yColumn);
        if (hash != identity.ContentHash)
        {
            throw new RunFileException(path, 0, $"the samples do not match the content hash {identity.ContentHash} recorded in the manifest (found {hash})");
        }

        return new Dataset(identity, x1Column, x2Column, yColumn);
    }
}
