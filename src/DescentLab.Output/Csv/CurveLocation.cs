namespace DescentLab.Output.Csv;

/// <summary>Where a run's rows are in curves.csv, so a plot reads one run without reading the file.</summary>
/// <param name="Offset">Byte offset of the run's first row.</param>
/// <param name="Length">Bytes of its rows, line ends included.</param>
/// <param name="Line">1-based line of its first row (for error messages).</param>
public readonly record struct CurveLocation(long Offset, int Length, long Line);
