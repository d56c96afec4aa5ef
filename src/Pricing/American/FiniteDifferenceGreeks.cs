namespace Analytics.Pricing.American;

/// <summary>
/// Greeks of a price function by central finite differences (Haug 2007, §2.12 "Greeks from closed-form
/// approximations"; Glasserman, <i>Monte Carlo Methods in Financial Engineering</i>, 2003, §7.1 for the
/// truncation/round-off trade-off). Bumps: spot h_S = 10⁻³·S, volatility h_σ = 10⁻³·σ, tenor h_T = 10⁻³·T
/// (relative, so the bumped tenor stays positive), rate and carry h_r = h_b = 10⁻⁴ (absolute). With a
/// price accurate to ~1e-13 these give first derivatives to ~1e-8 and second derivatives to ~1e-6 relative
/// (truncation O(h²) and round-off O(ε/h²) balanced). 19 revaluations in all.
/// </summary>
internal static class FiniteDifferenceGreeks
{
    /// <summary>Relative bump of spot, volatility and tenor.</summary>
    internal const double RelativeBump = 1e-3;

    /// <summary>Absolute bump of the rate and the cost of carry.</summary>
    internal const double RateBump = 1e-4;

    /// <summary>
    /// All nine Greeks of <paramref name="price"/> at <paramref name="m"/> (conventions of <see cref="Greeks"/>).
    /// </summary>
    /// <param name="price">The engine's price function.</param>
    /// <param name="m">The market to differentiate at.</param>
    /// <param name="basePrice">price(m), already computed.</param>
    /// <param name="carryMovesWithRate">True when b = r − q with q fixed: Rho bumps r and b together.</param>
    /// <param name="spotRelativeBump">The spot bump relative to the spot (default <see cref="RelativeBump"/>).</param>
    internal static Greeks Compute(
        AmericanPriceFunction price, in AmericanMarket m, double basePrice, bool carryMovesWithRate, double spotRelativeBump = RelativeBump)
    {
        double hS = spotRelativeBump * m.Spot;
        double hV = RelativeBump * m.Volatility;
        double hT = RelativeBump * m.TenorYears;
        const double hR = RateBump;

        double upS = price(m with { Spot = m.Spot + hS });
        double downS = price(m with { Spot = m.Spot - hS });
        double delta = (upS - downS) / (2.0 * hS);
        double gamma = (upS - 2.0 * basePrice + downS) / (hS * hS);

        double upV = price(m with { Volatility = m.Volatility + hV });
        double downV = price(m with { Volatility = m.Volatility - hV });
        double vega = (upV - downV) / (2.0 * hV);
        double volga = (upV - 2.0 * basePrice + downV) / (hV * hV);

        // Theta is ∂V/∂t = −∂V/∂T.
        double longerT = price(m with { TenorYears = m.TenorYears + hT });
        double shorterT = price(m with { TenorYears = m.TenorYears - hT });
        double theta = (shorterT - longerT) / (2.0 * hT);

        double upB = price(m with { Carry = m.Carry + hR });
        double downB = price(m with { Carry = m.Carry - hR });
        double carryRho = (upB - downB) / (2.0 * hR);

        double carryShift = carryMovesWithRate ? hR : 0.0;
        double upR = price(m with { Rate = m.Rate + hR, Carry = m.Carry + carryShift });
        double downR = price(m with { Rate = m.Rate - hR, Carry = m.Carry - carryShift });
        double rho = (upR - downR) / (2.0 * hR);

        double vanna = Cross(price, m with { Spot = m.Spot + hS }, m with { Spot = m.Spot - hS },
                           static (x, h) => x with { Volatility = x.Volatility + h }, hV) / (2.0 * hS);

        // Charm = ∂Δ/∂t = −∂Δ/∂T.
        double charm = -Cross(price, m with { Spot = m.Spot + hS }, m with { Spot = m.Spot - hS },
                            static (x, h) => x with { TenorYears = x.TenorYears + h }, hT) / (2.0 * hS);

        return new Greeks(delta, gamma, vega, theta, rho, carryRho, vanna, volga, charm);
    }

    /// <summary>[∂V/∂y(up) − ∂V/∂y(down)] with ∂V/∂y by central differences of step h along <paramref name="shift"/>.</summary>
    private static double Cross(
        AmericanPriceFunction price, in AmericanMarket up, in AmericanMarket down,
        Func<AmericanMarket, double, AmericanMarket> shift, double h)
    {
        double derivativeUp = (price(shift(up, h)) - price(shift(up, -h))) / (2.0 * h);
        double derivativeDown = (price(shift(down, h)) - price(shift(down, -h))) / (2.0 * h);
        return derivativeUp - derivativeDown;
    }
}
