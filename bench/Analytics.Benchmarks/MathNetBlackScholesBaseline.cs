using MathNet.Numerics.Distributions;

namespace Analytics.Benchmarks;

/// <summary>
/// The baseline issue #3 names: the textbook generalised Black-Scholes-Merton price and first-order Greeks
/// (delta, gamma, vega, theta, rho) with MathNet's static <c>Normal.CDF</c> / <c>Normal.PDF</c> (Haug 2007 §1.1.6, §2.1).
/// </summary>
internal static class MathNetBlackScholesBaseline
{
    public readonly record struct Result(double Price, double Delta, double Gamma, double Vega, double Theta, double Rho);

    public static Result Price(bool isCall, double s, double k, double t, double v, double r, double b)
    {
        var sqrtT = Math.Sqrt(t);
        var d1 = (Math.Log(s / k) + (b + 0.5 * v * v) * t) / (v * sqrtT);
        var d2 = d1 - v * sqrtT;
        var carry = Math.Exp((b - r) * t);
        var discount = Math.Exp(-r * t);
        var pdf = Normal.PDF(0, 1, d1);
        var gamma = pdf * carry / (s * v * sqrtT);
        var vega = s * carry * pdf * sqrtT;
        if (isCall)
        {
            var nd1 = Normal.CDF(0, 1, d1);
            var nd2 = Normal.CDF(0, 1, d2);
            var price = s * carry * nd1 - k * discount * nd2;
            var theta = -s * carry * pdf * v / (2 * sqrtT) - (b - r) * s * carry * nd1 - r * k * discount * nd2;
            return new Result(price, carry * nd1, gamma, vega, theta, t * k * discount * nd2);
        }
        else
        {
            var nmd1 = Normal.CDF(0, 1, -d1);
            var nmd2 = Normal.CDF(0, 1, -d2);
            var price = k * discount * nmd2 - s * carry * nmd1;
            var theta = -s * carry * pdf * v / (2 * sqrtT) + (b - r) * s * carry * nmd1 + r * k * discount * nmd2;
            return new Result(price, -carry * nmd1, gamma, vega, theta, -t * k * discount * nmd2);
        }
    }
}
