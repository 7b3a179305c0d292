namespace DescentLab.Core.Models;

/// <summary>Numerically careful sigmoid, log1p and per-sample loss for the sigmoid-output models (logistic, mlp).</summary>
public static class SigmoidMath
{
    /// <summary>σ(z) = 1 / (1 + e^-z); saturates to 0 or 1 without overflow.</summary>
    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    /// <summary>σ(z) and its complement 1 - σ(z) = σ(-z), each to full relative precision, from one exponential.</summary>
    /// <remarks>Computing 1 - σ(z) by subtraction loses everything once σ(z) rounds to 1 (z &gt; 37): the loss and gradient of
    /// a well-classified sample would become exactly 0, and separable data would look as if the optimum were attained.</remarks>
    public static void Sigmoids(double z, out double sigmoid, out double complement)
    {
        double e = Math.Exp(-Math.Abs(z));
        double small = e / (1.0 + e);
        double large = 1.0 / (1.0 + e);
        (sigmoid, complement) = z >= 0 ? (large, small) : (small, large);
    }

    /// <summary>log(1 + x), accurate for small x (Goldberg's trick; the BCL's LogP1 is log(x + 1)).</summary>
    public static double Log1P(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>σ - y written as (1 - y)·σ - y·(1 - σ): for labels 0 and 1 one term vanishes and the other keeps full
    /// relative precision where σ saturates.</summary>
    public static double Residual(double s, double sc, double y) => (1 - y) * s - y * sc;

    /// <summary>Loss of one sample whose output is σ(<paramref name="z"/>), and dℓ/dz.</summary>
    /// <remarks>mse: <c>(σ - y)²</c>, dℓ/dz = <c>2(σ - y)σ(1 - σ)</c>; cross-entropy: <c>softplus(z) - y·z</c>, dℓ/dz = <c>σ - y</c>.</remarks>
    public static double SampleLoss(LossKind loss, double z, double y, out double dLossDz)
    {
        Sigmoids(z, out double s, out double sc);
        double r = Residual(s, sc, y);
        if (loss == LossKind.CrossEntropy)
        {
            // softplus(z) - y·z = (1 - y)·softplus(z) + y·softplus(-z), and softplus(±z) = max(±z, 0) + log1p(e^-|z|):
            // no cancellation, so the loss of a well-classified sample stays positive instead of rounding to 0.
            dLossDz = r;
            return Log1P(Math.Exp(-Math.Abs(z))) + (1 - y) * Math.Max(z, 0) + y * Math.Max(-z, 0);
        }

        dLossDz = 2 * r * (s * sc);
        return r * r;
    }
}
