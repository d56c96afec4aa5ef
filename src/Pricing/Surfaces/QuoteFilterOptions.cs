namespace Analytics.Pricing.Surfaces;

/// <summary>Quote filters and the market conventions of <see cref="SurfaceQuotePreparer"/>.</summary>
/// <param name="RatePerYear">Discount rate r, continuously compounded annualised decimal; DF = e^{−rT}. 0 for Deribit (premiums are paid at once and margined in coin).</param>
/// <param name="CarryFallback">Carry model for expiries with neither a venue forward nor enough parity pairs; null for none.</param>
/// <param name="MaximumRelativeSpread">Largest (ask − bid)/mid kept; wider quotes are dropped as <see cref="QuoteDropReason.SpreadTooWide"/>.</param>
/// <param name="OutOfTheMoneyOnly">
/// Keep only the out-of-the-money right at strikes where both are usable (calls for K ≥ F, puts below). Off by default:
/// both rights are kept and the bid/ask weighting lets the tighter one dominate (on the Deribit boards of PROVENANCE.md §1
/// keeping both lowered the median slice RMSE against the venue's mark IV from about 0.45 to 0.39 vol points).
/// </param>
/// <param name="MinimumStrikesPerSlice">Fewest distinct strikes a slice needs to be fitted (raw SVI has 5 parameters).</param>
/// <param name="MinimumParityPairs">Fewest strikes with both rights quoted for a parity forward.</param>
/// <param name="UseVenueMarkWhenOneSided">
/// Keep a quote that lacks a usable bid or ask but carries the venue's mark vol, with the mark vol as its fit target
/// (<see cref="SmilePoint.TargetVol"/>), instead of dropping it as <see cref="QuoteDropReason.NoBid"/> /
/// <see cref="QuoteDropReason.NoAsk"/> / <see cref="QuoteDropReason.OutsideArbitrageBounds"/> (issue 13 item 3). On by default.
/// </param>
/// <param name="MarkOnlyHalfWidthVol">
/// Half-width in vol (annualised decimal) given to a one-sided point whose own side does not bound the mark (no side at all,
/// or a side on the wrong side of the mark): 0.05 = 5 vol points, wide enough that such a point steers a slice only where
/// nothing else is quoted (on the Deribit boards of PROVENANCE.md §1 the two-sided half-widths are mostly 0.3–3 vol points).
/// </param>
public sealed record QuoteFilterOptions(
    double RatePerYear = 0.0,
    CarryForwardModel? CarryFallback = null,
    double MaximumRelativeSpread = 1.5,
    bool OutOfTheMoneyOnly = false,
    int MinimumStrikesPerSlice = 5,
    int MinimumParityPairs = 3,
    bool UseVenueMarkWhenOneSided = true,
    double MarkOnlyHalfWidthVol = 0.05)
{
    /// <summary>
    /// Defaults: r = 0, no carry fallback, spreads up to 150 % of mid, both rights, ≥ 5 strikes, ≥ 3 parity pairs, one-sided
    /// quotes kept on the venue mark with a 5-vol-point default half-width.
    /// </summary>
    public static QuoteFilterOptions Default { get; } = new();
}
