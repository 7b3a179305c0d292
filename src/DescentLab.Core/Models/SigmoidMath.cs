namespace DescentLab.Core.Models;

/// <summary>Numerically careful sigmoid and log1p for the logistic model.</summary>
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
}
