using System.Globalization;
using DescentLab.Core.Datasets;

namespace DescentLab.Core.Models;

/// <summary>One hidden layer of H sigmoid units and a sigmoid output: <c>ŷ = σ(Σ_j v_j·σ(a_j·x + c_j) + d)</c>.</summary>
/// <remarks>θ layout, unit by unit then the output: for each hidden unit j = 1..H its input weights and bias
/// (<c>hj.w, hj.b</c> for 1-D inputs, <c>hj.w1, hj.w2, hj.b</c> for 2-D), then <c>out.w1 .. out.wH, out.b</c>.
/// The dotted names cannot clash with the w, b, w1, w2 of the other models, so the course's w fallback never applies.
/// Loss per sample as <see cref="Logistic"/> (mse or cross-entropy of the output's logit); the gradient is backpropagation:
/// dℓ/dv_j = e·h_j, dℓ/dd = e, and with δ_j = e·v_j·h_j(1 - h_j), dℓ/da_j = δ_j·x, dℓ/dc_j = δ_j, where e = dℓ/dz.
/// No closed form and no analytic Hessian (the reference solve differences the gradient).</remarks>
public readonly struct Mlp : IModel
{
    /// <summary>Largest number of hidden units (stack buffers are sized by it).</summary>
    public const int MaxHidden = 32;

    // Keeps the init stream apart from the dataset stream of the same seed ("MLPINIT!" in ASCII).
    private const ulong InitSalt = 0x4D4C50494E495421UL;

    private readonly string[] _names;
    private readonly int _hidden;
    private readonly bool _twoInputs;
    private readonly LossKind _loss;

    /// <summary>An mlp over <paramref name="dimension"/> inputs (1 or 2) with <paramref name="hidden"/> units (1..<see cref="MaxHidden"/>).</summary>
    public Mlp(int dimension, int hidden, LossKind loss)
    {
        if (dimension is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The mlp takes 1 or 2 inputs.");
        }

        if (hidden is < 1 or > MaxHidden)
        {
            throw new ArgumentOutOfRangeException(nameof(hidden), hidden, $"The mlp has 1 to {MaxHidden} hidden units.");
        }

        _twoInputs = dimension == 2;
        _hidden = hidden;
        _loss = loss;
        _names = Names(dimension, hidden);
    }

    /// <inheritdoc/>
    public int ParameterCount => _names.Length;

    /// <inheritdoc/>
    public int OutputLayerStart => Output;

    /// <inheritdoc/>
    public IReadOnlyList<string> ParameterNames => _names;

    /// <inheritdoc/>
    public bool HasClosedForm => false;

    /// <inheritdoc/>
    public bool IsConvex => false;

    private int Stride => _twoInputs ? 3 : 2;

    private int Output => _hidden * Stride;

    /// <inheritdoc/>
    /// <remarks>A value named in <paramref name="init"/> is used as given; every other entry is <c>2U - 1</c>, uniform in
    /// [-1, 1), with U drawn from xoshiro256** seeded with <c>seed ^ 0x4D4C50494E495421</c> ("MLPINIT!"). One U is drawn
    /// per entry in θ order whether or not it is named, so naming one value leaves the others unchanged.</remarks>
    public void Initialize(Span<double> theta, IReadOnlyDictionary<string, double> init, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed ^ InitSalt);
        for (int j = 0; j < _names.Length; j++)
        {
            double u = 2 * random.NextUniform() - 1;
            theta[j] = init.TryGetValue(_names[j], out double v) ? v : u;
        }
    }

    /// <inheritdoc/>
    public double Predict(ReadOnlySpan<double> theta, double x1, double x2)
    {
        Span<double> h = stackalloc double[MaxHidden];
        Span<double> hc = stackalloc double[MaxHidden];
        return SigmoidMath.Sigmoid(Forward(theta, x1, x2, h, hc));
    }

    /// <inheritdoc/>
    public double Loss(in Samples samples, int start, int count, ReadOnlySpan<double> theta)
    {
        Span<double> h = stackalloc double[MaxHidden];
        Span<double> hc = stackalloc double[MaxHidden];
        double sum = 0;
        for (int i = start; i < start + count; i++)
        {
            double z = Forward(theta, samples.X1[i], _twoInputs ? samples.X2[i] : 0, h, hc);
            sum += SigmoidMath.SampleLoss(_loss, z, samples.Y[i], out _);
        }

        return sum / count;
    }

    /// <inheritdoc/>
    public double LossGradient(in Samples samples, int start, int count, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        Span<double> h = stackalloc double[MaxHidden];
        Span<double> hc = stackalloc double[MaxHidden];
        int stride = Stride;
        int output = Output;
        var g = gradient[.._names.Length];
        g.Clear();
        double sum = 0;
        for (int i = start; i < start + count; i++)
        {
            double x1 = samples.X1[i];
            double x2 = _twoInputs ? samples.X2[i] : 0;
            sum += SigmoidMath.SampleLoss(_loss, Forward(theta, x1, x2, h, hc), samples.Y[i], out double e);
            for (int j = 0; j < _hidden; j++)
            {
                int unit = j * stride;
                double delta = e * theta[output + j] * (h[j] * hc[j]);
                g[output + j] += e * h[j];
                g[unit] += delta * x1;
                if (_twoInputs)
                {
                    g[unit + 1] += delta * x2;
                }

                g[unit + stride - 1] += delta;
            }

            g[output + _hidden] += e;
        }

        for (int j = 0; j < g.Length; j++)
        {
            g[j] /= count;
        }

        return sum / count;
    }

    /// <inheritdoc/>
    public void SgdEpoch(in Samples samples, Span<double> theta, double lr)
    {
        Span<double> g = stackalloc double[MaxHidden * 4 + 1];
        g = g[.._names.Length];
        for (int i = 0; i < samples.Count; i++)
        {
            LossGradient(samples, i, 1, theta, g);
            for (int j = 0; j < g.Length; j++)
            {
                theta[j] -= lr * g[j];
            }
        }
    }

    /// <inheritdoc/>
    public bool TrySolveClosedForm(in Samples samples, Span<double> theta) => false;

    /// <inheritdoc/>
    public bool TryHessian(in Samples samples, ReadOnlySpan<double> theta, Span<double> hessian) => false;

    /// <summary>The output's logit z; writes each hidden unit's σ(a_j·x + c_j) and its complement.</summary>
    private double Forward(ReadOnlySpan<double> theta, double x1, double x2, Span<double> h, Span<double> hc)
    {
        int stride = Stride;
        int output = Output;
        double z = theta[output + _hidden];
        for (int j = 0; j < _hidden; j++)
        {
            int unit = j * stride;
            double a = _twoInputs
                ? theta[unit] * x1 + theta[unit + 1] * x2 + theta[unit + 2]
                : theta[unit] * x1 + theta[unit + 1];
            SigmoidMath.Sigmoids(a, out h[j], out hc[j]);
            z += theta[output + j] * h[j];
        }

        return z;
    }

    private static string[] Names(int dimension, int hidden)
    {
        var names = new List<string>(hidden * (dimension + 2) + 1);
        for (int j = 1; j <= hidden; j++)
        {
            string unit = "h" + j.ToString(CultureInfo.InvariantCulture);
            if (dimension == 2)
            {
                names.Add(unit + ".w1");
                names.Add(unit + ".w2");
            }
            else
            {
                names.Add(unit + ".w");
            }

            names.Add(unit + ".b");
        }

        for (int j = 1; j <= hidden; j++)
        {
            names.Add("out.w" + j.ToString(CultureInfo.InvariantCulture));
        }

        names.Add("out.b");
        return [.. names];
    }
}
