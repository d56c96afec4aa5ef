namespace Analytics.Pricing.American;

/// <summary>
/// The one-step flat-boundary approximation of P. Bjerksund and G. Stensland, "Closed-form approximation of
/// American options", <i>Scandinavian Journal of Management</i> 9 (1993) S87–S99 (Haug 2007, §3.2), the
/// engine QuantLib ships as <c>BjerksundStenslandApproximationEngine</c>. Kept internal: it reproduces the
/// published 1993 tables (Haug 1998 p. 27; QuantLib <c>americanoption.cpp</c>), which validates the φ
/// building block shared with <see cref="BjerksundStensland2002Pricer"/>; the public engine is the 2002 one, which also
/// takes <see cref="FlatBoundaryCallValue"/> at the perpetual boundary as a lower bound.
/// </summary>
internal static class BjerksundStensland1993
{
    /// <summary>American option value, calls directly, puts through the put-call transformation (Haug 2007, §3.4).</summary>
    internal static double Value(in AmericanMarket m)
    {
        if (EarlyExercise.NeverOptimal(m.IsCall, m.Rate, m.Carry) || !EarlyExercise.HasSingleBoundary(m.IsCall, m.Rate, m.Carry))
        {
            return BjerksundStensland2002Pricer.EuropeanValue(m);
        }

        return m.IsCall
            ? CallValue(m.Spot, m.Strike, m.TenorYears, m.Rate, m.Carry, m.Volatility)
            : CallValue(m.Strike, m.Spot, m.TenorYears, m.Rate - m.Carry, -m.Carry, m.Volatility);
    }

    /// <summary>
    /// C = αS^β − αφ(S, T, β, I, I) + φ(S, T, 1, I, I) − φ(S, T, 1, K, I) − Kφ(S, T, 0, I, I) + Kφ(S, T, 0, K, I),
    /// I = B₀ + (B∞ − B₀)(1 − e^{h(T)}), h(T) = −(bT + 2σ√T)·B₀/(B∞ − B₀), for b &lt; r (Haug 2007, eq. 3.1).
    /// </summary>
    internal static double CallValue(double s, double k, double t, double r, double b, double v)
    {
        double variance = v * v;
        double beta = (0.5 - b / variance) + Math.Sqrt((b / variance - 0.5) * (b / variance - 0.5) + 2.0 * r / variance);
        double bInfinity = beta / (beta - 1.0) * k;
        double b0 = Math.Max(k, r / (r - b) * k);
        double h = -(b * t + 2.0 * v * Math.Sqrt(t)) * b0 / (bInfinity - b0);
        double trigger = b0 - (bInfinity - b0) * EarlyExercise.ExpMinusOne(h);
        return FlatBoundaryCallValue(s, k, t, r, b, v, beta, trigger);
    }

    /// <summary>
    /// The value of exercising a call when the spot first reaches a flat trigger I ≥ K (and at expiry when in the money):
    /// αS^β − αφ(S, T, β, I, I) + φ(S, T, 1, I, I) − φ(S, T, 1, K, I) − Kφ(S, T, 0, I, I) + Kφ(S, T, 0, K, I), α = (I − K)I^{−β}
    /// (Haug 2007, eq. 3.1). For any such trigger it is the value of a feasible exercise policy, so a lower bound of the
    /// American value. Trusted path: β is the perpetual root of the caller's (r, b, σ).
    /// </summary>
    internal static double FlatBoundaryCallValue(double s, double k, double t, double r, double b, double v, double beta, double trigger)
    {
        if (s >= trigger)
        {
            return s - k;
        }

        double logAlpha = Math.Log(trigger - k) - beta * Math.Log(trigger);
        double logK = Math.Log(k);
        var p = new BjerksundStensland2002Pricer.Parameters(s, r, b, v);
        return (trigger - k) * Math.Exp(beta * Math.Log(s / trigger))
               - p.Phi(logAlpha, t, beta, trigger, trigger)
               + p.Phi(0.0, t, 1.0, trigger, trigger) - p.Phi(0.0, t, 1.0, k, trigger)
               - p.Phi(logK, t, 0.0, trigger, trigger) + p.Phi(logK, t, 0.0, k, trigger);
    }
}
