namespace DescentLab.Core.Models;

/// <summary>Numerically careful sigmoid, softplus and log1p for the logistic model.</summary>
public static class SigmoidMath
{
    /// <summary>σ(z) = 1 / (1 + e^-z); saturates to 0 or 1 without overflow.</summary>
    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    /// <summary>softplus(z) = log(1 + e^z) without overflow for large z.</summary>
    public static double Softplus(double z) => z > 0 ? z + Log1P(Math.Exp(-z)) : Log1P(Math.Exp(z));

    /// <summary>log(1 + x), accurate for small x (Goldberg's trick; the BCL's LogP1 is log(x + 1)).</summary>
    public static double Log1P(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }
}
