using System.Buffers;
using Analytics.Pricing.Distributions;

namespace Analytics.Pricing.American;

/// <summary>
/// An American put with a single exercise boundary (r &gt; 0, or r = 0 with q &lt; 0) by Andersen, Lake and Offengenden
/// (2016): the boundary from <see cref="QdFpBoundary"/>, then the price as the European put plus the early-exercise
/// premium ∫₀^T [rK·e^{−rt}·Φ(−d₋) − qS·e^{−qt}·Φ(−d₊)] dt with d± = d±(t, S/B(T − t)) (Kim 1990; Andersen et al. eq. 14),
/// taken by Gauss-Legendre in ψ with t = T·sin²ψ. Delta and gamma are the spot derivatives of the same representation at
/// the fixed boundary (the boundary does not depend on the spot), so they cost one more pass over the same points. Pure.
/// </summary>
internal static class QdFpPut
{
    private const int StackallocLimit = 2048;

    /// <summary>Put price, ∂V/∂S and ∂²V/∂S², and whether the spot lies in the exercise region.</summary>
    internal readonly record struct Value(double Price, double Delta, double Gamma, bool Exercised);

    /// <summary>Prices the put (spot S, strike K, rate r, yield q, vol σ, tenor T) with <paramref name="scheme"/>.</summary>
    internal static Value Price(QdFpScheme scheme, double spot, double strike, double rate, double dividendYield, double volatility, double tenorYears)
    {
        var tables = scheme.Tables;
        int n = tables.Nodes;
        int length = n + QdFpBoundary.WorkLength(tables) + tables.PricePoints;
        double[]? rented = length > StackallocLimit ? ArrayPool<double>.Shared.Rent(length) : null;
        Span<double> buffer = rented is null ? stackalloc double[length] : rented.AsSpan(0, length);
        try
        {
            var h = buffer[..n];
            double xMax = QdPlusBoundary.AtExpiry(strike, rate, dividendYield);
            QdFpBoundary.Solve(tables, scheme.FixedPointSteps, strike, rate, dividendYield, volatility, tenorYears, xMax, h,
                buffer.Slice(n, QdFpBoundary.WorkLength(tables)));

            double boundaryNow = xMax * Math.Exp(-Math.Sqrt(Math.Max(0.0, h[n - 1])));
            if (spot <= boundaryNow)
            {
                return new Value(strike - spot, -1.0, 0.0, Exercised: true);
            }

            var rootH = buffer.Slice(n + QdFpBoundary.WorkLength(tables), tables.PricePoints);
            QdFpBoundary.Interpolate(tables.PriceInterpolation, h, rootH);
            var (premium, premiumDelta, premiumGamma) = Premium(tables, rootH, spot, strike, rate, dividendYield, volatility, tenorYears, xMax);
            var (european, europeanDelta, europeanGamma) = EuropeanPut(spot, strike, rate, dividendYield, volatility, tenorYears);
            double price = Math.Max(european, 0.0) + Math.Max(premium, 0.0);
            return new Value(Math.Max(price, strike - spot), europeanDelta + premiumDelta, europeanGamma + premiumGamma, Exercised: false);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The Black-Scholes-Merton put with its delta and gamma (Haug 2007, §1.1.6 and §2.1).</summary>
    internal static (double Price, double Delta, double Gamma) EuropeanPut(
        double spot, double strike, double rate, double dividendYield, double volatility, double tenorYears)
    {
        double stdDev = volatility * Math.Sqrt(tenorYears);
        double dPlus = (Math.Log(spot / strike) + (rate - dividendYield) * tenorYears) / stdDev + 0.5 * stdDev;
        double rateDiscount = Math.Exp(-rate * tenorYears), yieldDiscount = Math.Exp(-dividendYield * tenorYears);
        double nMinusDPlus = StandardNormal.Cdf(-dPlus);
        double price = strike * rateDiscount * StandardNormal.Cdf(stdDev - dPlus) - spot * yieldDiscount * nMinusDPlus;
        return (price, -yieldDiscount * nMinusDPlus, yieldDiscount * StandardNormal.Pdf(dPlus) / (spot * stdDev));
    }

    /// <summary>The premium integral and its first two spot derivatives.</summary>
    private static (double Premium, double Delta, double Gamma) Premium(
        QdFpTables tables, ReadOnlySpan<double> rootH, double spot, double strike, double rate, double dividendYield,
        double volatility, double tenorYears, double xMax)
    {
        double logSpotOverX = Math.Log(spot / xMax);
        if (QdFpLanes.Accelerated)
        {
            return QdFpLanes.Premium(tables.PriceSin, tables.PriceWeight, rootH, spot, strike, rate, dividendYield, volatility,
                tenorYears, logSpotOverX);
        }

        double carry = rate - dividendYield;
        double rootT = Math.Sqrt(tenorYears);
        double premium = 0.0, delta = 0.0, gamma = 0.0;
        for (int k = 0; k < tables.PricePoints; k++)
        {
            double sine = tables.PriceSin[k];
            double t = tenorYears * sine * sine;
            double v = volatility * rootT * sine;
            double dMinus = (logSpotOverX + rootH[k] + carry * t) / v - 0.5 * v;
            double dPlus = dMinus + v;
            double strikeLeg = rate == 0.0 ? 0.0 : rate * strike * Math.Exp(-rate * t);
            double spotLeg = dividendYield == 0.0 ? 0.0 : dividendYield * Math.Exp(-dividendYield * t);
            double densityMinus = StandardNormal.Pdf(dMinus), densityPlus = StandardNormal.Pdf(dPlus);
            double nMinusDPlus = StandardNormal.Cdf(-dPlus);
            double w = tables.PriceWeight[k];
            premium += w * (strikeLeg * StandardNormal.Cdf(-dMinus) - spotLeg * spot * nMinusDPlus);
            delta += w * (-strikeLeg * densityMinus / (spot * v) - spotLeg * nMinusDPlus + spotLeg * densityPlus / v);
            gamma += w * (strikeLeg * densityMinus / (spot * spot * v) * (dMinus / v + 1.0)
                          + spotLeg * densityPlus / (spot * v) - spotLeg * dPlus * densityPlus / (spot * v * v));
        }

        return (tenorYears * premium, tenorYears * delta, tenorYears * gamma);
    }
}
