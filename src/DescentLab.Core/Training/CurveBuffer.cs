namespace DescentLab.Core.Training;

/// <summary>Preallocated columns that rows are appended to without allocation.</summary>
public sealed class CurveBuffer
{
    private readonly IReadOnlyList<string> _names;
    private readonly int _p;
    private readonly int[] _epoch;
    private readonly long[] _step;
    private readonly double[] _loss;
    private readonly double[] _gap;
    private readonly double[] _gradNorm;
    private readonly double[] _parameters;
    private readonly double[]? _accuracy;

    /// <summary>Reserves <paramref name="capacity"/> rows, with an accuracy column if <paramref name="trackAccuracy"/>.</summary>
    public CurveBuffer(IReadOnlyList<string> parameterNames, int capacity, bool trackAccuracy = false)
    {
        _accuracy = trackAccuracy ? new double[capacity] : null;
        _names = parameterNames;
        _p = parameterNames.Count;
        _epoch = new int[capacity];
        _step = new long[capacity];
        _loss = new double[capacity];
        _gap = new double[capacity];
        _gradNorm = new double[capacity];
        _parameters = new double[capacity * _p];
    }

    /// <summary>Rows written so far.</summary>
    public int Count { get; private set; }

    /// <summary>Appends one row.</summary>
    public void Add(int epoch, long step, double loss, double gap, double gradNorm, ReadOnlySpan<double> theta)
    {
        int row = Count;
        _epoch[row] = epoch;
        _step[row] = step;
        _loss[row] = loss;
        _gap[row] = gap;
        _gradNorm[row] = gradNorm;
        theta.CopyTo(_parameters.AsSpan(row * _p, _p));
        Count = row + 1;
    }

    /// <summary>Sets the accuracy of the last row added (ignored without an accuracy column).</summary>
    public void SetAccuracy(double accuracy)
    {
        if (_accuracy is not null)
        {
            _accuracy[Count - 1] = accuracy;
        }
    }

    /// <summary>The rows written, as a curve of exactly that length.</summary>
    /// <remarks>A full buffer hands its columns over instead of copying them (it cannot take another row anyway), so a run
    /// that uses all its epochs keeps one copy of a long step-mode curve, not two.</remarks>
    public Curve ToCurve() => Count == _epoch.Length
        ? new(_names, _epoch, _step, _loss, _gap, _gradNorm, _parameters, _accuracy)
        : new(
            _names,
            _epoch[..Count],
            _step[..Count],
            _loss[..Count],
            _gap[..Count],
            _gradNorm[..Count],
            _parameters[..(Count * _p)],
            _accuracy?[..Count]);
}
