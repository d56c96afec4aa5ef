namespace Analytics.Pricing.Surfaces;

/// <summary>
/// The bound a repair must keep to (issue 13 item 4): at a two-sided quote the fitted vol may lie outside [σ_bid, σ_ask] by
/// at most the quote's own half-width h = (σ_ask − σ_bid)/2, i.e. inside [σ_bid − h, σ_ask + h]; a repair that pushes it
/// further out than the unrepaired fit already was breaks the bound.
/// </summary>
internal static class QuoteBand
{
    /// <summary>Increases of the excess below this (annualised vol, 1e-4 vol points) are rounding, not a broken bound.</summary>
    internal const double Tolerance = 1e-6;

    /// <summary>How far <paramref name="vol"/> lies outside [σ_bid − h, σ_ask + h]; 0 inside or when a side is missing.</summary>
    internal static double Excess(double bidVol, double askVol, double vol)
    {
        if (!double.IsFinite(bidVol) || !double.IsFinite(askVol))
        {
            return 0.0;
        }

        double half = 0.5 * (askVol - bidVol);
        return Math.Max(0.0, Math.Max(bidVol - half - vol, vol - askVol - half));
    }

    /// <summary>
    /// The largest increase of <see cref="Excess"/> over the smile's two-sided points when the slice goes from
    /// <paramref name="before"/> to <paramref name="after"/>, annualised vol, and the k where it happens (NaN when none).
    /// </summary>
    internal static (double Increase, double LogMoneyness) WorstIncrease(MarketSmile smile, SviParameters before, SviParameters after)
    {
        double worst = 0.0, kWorst = double.NaN;
        foreach (var p in smile.Points)
        {
            if (!p.IsTwoSided)
            {
                continue;
            }

            double increase = Excess(p.BidVol, p.AskVol, Vol(after, p.LogMoneyness, smile.TenorYears))
                - Excess(p.BidVol, p.AskVol, Vol(before, p.LogMoneyness, smile.TenorYears));
            if (increase > worst)
            {
                worst = increase;
                kWorst = p.LogMoneyness;
            }
        }

        return (worst, kWorst);
    }

    private static double Vol(SviParameters p, double k, double tenorYears) => Math.Sqrt(Math.Max(p.TotalVariance(k), 0.0) / tenorYears);
}
