namespace Analytics.Pricing.Tests.American;

/// <summary>
/// An independent high-accuracy reference for American prices, written for the tests only: the binomial tree of
/// D. Leisen and M. Reimer, "Binomial models for option valuation — examining and improving convergence",
/// <i>Applied Mathematical Finance</i> 3 (1996) 319–346 (Peizer-Pratt method 2 inversion, odd steps), with the
/// order-1 Richardson extrapolation (N₁V₁ − N₂V₂)/(N₁ − N₂) that its monotone American convergence permits
/// (Leisen, "Pricing the American put option: a detailed convergence analysis for binomial models",
/// <i>J. Economic Dynamics and Control</i> 22, 1998). A different lattice, node placement and smoothing from
/// the engine under test (BBSR), so agreement of the two is evidence, not tautology.
/// </summary>
internal static class LeisenReimerReference
{
    internal static double Price(bool isCall, double spot, double strike, double t, double r, double b, double vol, int steps = 6001)
    {
        int fine = steps | 1;
        int coarse = (steps / 2) | 1;
        double vFine = Lattice(isCall, spot, strike, t, r, b, vol, fine);
        double vCoarse = Lattice(isCall, spot, strike, t, r, b, vol, coarse);
        return (fine * vFine - coarse * vCoarse) / (fine - coarse);
    }

    private static double PeizerPratt(double z, int n)
    {
        double a = z / (n + 1.0 / 3.0 + 0.1 / (n + 1.0));
        return 0.5 + Math.Sign(z) * Math.Sqrt(0.25 - 0.25 * Math.Exp(-a * a * (n + 1.0 / 6.0)));
    }

    private static double Lattice(bool isCall, double spot, double strike, double t, double r, double b, double vol, int n)
    {
        double dt = t / n;
        double stdDev = vol * Math.Sqrt(t);
        double d1 = (Math.Log(spot / strike) + b * t) / stdDev + 0.5 * stdDev;
        double p = PeizerPratt(d1 - stdDev, n);
        double growth = Math.Exp(b * dt);
        double up = growth * PeizerPratt(d1, n) / p;
        double down = (growth - p * up) / (1.0 - p);
        double discount = Math.Exp(-r * dt);
        double omega = isCall ? 1.0 : -1.0;
        var values = new double[n + 1];
        for (int j = 0; j <= n; j++)
        {
            values[j] = Math.Max(omega * (spot * Math.Pow(up, j) * Math.Pow(down, n - j) - strike), 0.0);
        }

        double ratio = up / down;
        for (int i = n - 1; i >= 0; i--)
        {
            double node = spot * Math.Pow(down, i);
            for (int j = 0; j <= i; j++, node *= ratio)
            {
                values[j] = Math.Max(discount * (p * values[j + 1] + (1.0 - p) * values[j]), omega * (node - strike));
            }
        }

        return values[0];
    }
}
