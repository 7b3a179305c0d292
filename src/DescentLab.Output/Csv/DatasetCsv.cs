using DescentLab.Core.Datasets;
using DescentLab.Experiments.Datasets;

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

    /// <summary>Reads the samples written for the dataset instance <paramref name="identity"/>, with the one reader of the
    /// dataset CSV format (<see cref="DatasetFileReader"/>, which reads users' own files too).</summary>
    /// <exception cref="RunFileException">The file is missing or malformed, or its values do not match
    /// <paramref name="identity"/> (sample count or content hash).</exception>
    public static Dataset Read(string path, DatasetIdentity identity)
    {
        if (!File.Exists(path))
        {
            throw new RunFileException(path, 0, "file not found");
        }

        Dataset read;
        try
        {
            read = DatasetFileReader.Read(path, path);
        }
        catch (DatasetFileException ex)
        {
            throw new RunFileException(path, ex.Line, ex.Reason, ex);
        }

        if (read.Count != identity.N)
        {
            throw new RunFileException(path, 0, $"expected {identity.N} samples for dataset {identity.Name} but found {read.Count}");
        }

        if (read.Identity.ContentHash != identity.ContentHash)
        {
            throw new RunFileException(path, 0, $"the samples do not match the content hash {identity.ContentHash} recorded in the manifest (found {read.Identity.ContentHash})");
        }

        return new Dataset(identity, read.X1, read.Dimension == 2 ? read.X2 : null, read.Y);
    }
}
