using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;

namespace Analytics.Pricing.American;

/// <summary>
/// What the closed-form American approximations (Barone-Adesi-Whaley, Bjerksund-Stensland) share around their own
/// formula: the European short-cut where early exercise is never optimal, the lattice where the exercise region has
/// two boundaries, and Greeks by central finite differences of the formula (<see cref="FiniteDifferenceGreeks"/>). The formula's
/// value is held to the perpetual and touch-at-B∞ bounds (<see cref="PerpetualBounds"/>), which give the value where they meet
/// (extreme carry: Barone-Adesi-Whaley's critical price fell below the strike at q = 10 and priced a call at 0 with delta 1).
/// </summary>
internal static class AmericanApproximation
{
    /// <summary>Price, European reference, Greeks and regime with <paramref name="value"/> on its single-boundary domain.</summary>
    public static AmericanOptionResult Price(BlackVanillaOptionInputs inputs, AmericanPriceFunction value)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var european = BlackVanillaOptionPricer.Default.Price(inputs);
        var market = AmericanMarket.From(inputs);
        if (EarlyExercise.NeverOptimal(market.IsCall, market.Rate, market.Carry))
            return EarlyExercise.European(european);
        if (!EarlyExercise.HasSingleBoundary(market.IsCall, market.Rate, market.Carry))
            return BinomialAmericanPricer.Default.Price(inputs);

        // Held to the perpetual bounds (PerpetualBounds): pinned there at extreme carry, where the formulas fail.
        bool carryMovesWithRate = inputs.CarryConvention == CarryConvention.RateMinusDividendYield;
        if (PerpetualBounds.TryPinned(market, european.Price, out var pinned))
        {
            return new AmericanOptionResult(
                pinned, european.Price, european.Forward, european.DiscountFactor, PerpetualBounds.PinnedGreeks(market, pinned, carryMovesWithRate),
                GreeksMethod.FiniteDifference, EarlyExercise.RegimeOf(pinned, market.Intrinsic));
        }

        AmericanPriceFunction bounded = (in AmericanMarket m) => PerpetualBounds.Bounded(m, value);
        var price = bounded(market);
        var greeks = FiniteDifferenceGreeks.Compute(bounded, market, price, inputs.CarryConvention == CarryConvention.RateMinusDividendYield);
        return new AmericanOptionResult(
            price, european.Price, european.Forward, european.DiscountFactor, greeks,
            GreeksMethod.FiniteDifference, EarlyExercise.RegimeOf(price, market.Intrinsic));
    }

    /// <summary>The price alone by the same rules as <see cref="Price"/>.</summary>
    public static double PresentValue(BlackVanillaOptionInputs inputs, AmericanPriceFunction value)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var market = AmericanMarket.From(inputs);
        if (EarlyExercise.NeverOptimal(market.IsCall, market.Rate, market.Carry))
            return BjerksundStensland2002Pricer.EuropeanValue(market);
        return EarlyExercise.HasSingleBoundary(market.IsCall, market.Rate, market.Carry)
            ? PerpetualBounds.Bounded(market, value)
            : BinomialAmericanPricer.Default.PresentValue(inputs);
    }
}
