namespace Analytics.Pricing.Surfaces;

/// <summary>The currency an option premium is quoted in.</summary>
public enum QuotePremiumCurrency
{
    /// <summary>Premium in USD (the strike currency) per unit of underlying.</summary>
    Usd = 0,

    /// <summary>
    /// Premium in units of the underlying per unit of underlying (inverse options, as Deribit quotes them):
    /// USD premium = premium × forward of that expiry (Deribit, "Inverse options" documentation).
    /// </summary>
    Underlying = 1,
}

/// <summary>Where the forward F_T of an expiry slice came from (PRODUCT.md §3.2, in order of preference).</summary>
public enum ForwardSource
{
    /// <summary>The venue's own forward for the expiry (Deribit <c>underlying_price</c>), median over the slice's quotes.</summary>
    Venue = 0,

    /// <summary>Robust put-call parity regression over the strikes where both rights are quoted (<see cref="PutCallParityForward"/>).</summary>
    PutCallParity = 1,

    /// <summary>The caller's carry model F = S·e^{bT} (<see cref="CarryForwardModel"/>).</summary>
    CarryModel = 2,
}

/// <summary>Why a quote was not used for the surface. Counts per reason are reported by <see cref="SurfaceQuotePreparer"/>.</summary>
public enum QuoteDropReason
{
    /// <summary>Expiry at or before the as-of instant.</summary>
    Expired = 0,

    /// <summary>Strike, bid, ask, mark or venue forward is NaN, infinite, or not strictly positive where it must be.</summary>
    InvalidField = 1,

    /// <summary>No bid (empty or zero): the mid is undefined.</summary>
    NoBid = 2,

    /// <summary>No ask (empty or zero): the mid is undefined.</summary>
    NoAsk = 3,

    /// <summary>Bid above ask.</summary>
    Crossed = 4,

    /// <summary>
    /// The quote breaks a static no-arbitrage bound: ask at or above the upper bound DF·F (call) / DF·K (put), or the bid
    /// (hence possibly the mid) at or below the discounted intrinsic value DF·(F − K)⁺ / DF·(K − F)⁺, so it has no Black
    /// implied volatility (Merton 1973).
    /// </summary>
    OutsideArbitrageBounds = 5,

    /// <summary>Bid/ask spread wider than <see cref="QuoteFilterOptions.MaximumRelativeSpread"/> times the mid.</summary>
    SpreadTooWide = 6,

    /// <summary>No forward could be determined for the expiry (no venue forward, too few parity pairs, no carry model).</summary>
    NoForward = 7,

    /// <summary>
    /// In-the-money quote whose out-of-the-money counterpart at the same strike and expiry is used instead (ITM
    /// quotes carry the same information through parity but with far wider vol spreads).
    /// </summary>
    InTheMoneyDuplicate = 8,

    /// <summary>The expiry slice has fewer than <see cref="QuoteFilterOptions.MinimumStrikesPerSlice"/> usable strikes.</summary>
    TooFewStrikesInSlice = 9,
}

/// <summary>
/// One option quote of a single underlying at the as-of instant, as the surface builder consumes it
/// (API.md "quote" row shape, reduced to what the numerics need).
/// </summary>
/// <param name="ExpiryUtc">Expiry instant (Deribit: 08:00 UTC).</param>
/// <param name="Strike">Strike K in USD, &gt; 0.</param>
/// <param name="Right">Call or put.</param>
/// <param name="Bid">Best bid premium in <paramref name="PremiumCurrency"/>; null or 0 when there is none.</param>
/// <param name="Ask">Best ask premium in <paramref name="PremiumCurrency"/>; null or 0 when there is none.</param>
/// <param name="Mark">Venue mark premium in <paramref name="PremiumCurrency"/>, optional (used only for the parity forward when a side is missing).</param>
/// <param name="PremiumCurrency">Currency of <paramref name="Bid"/>, <paramref name="Ask"/> and <paramref name="Mark"/>.</param>
/// <param name="UnderlyingPrice">The venue's forward F_T for this expiry in USD (Deribit <c>underlying_price</c>), optional.</param>
/// <param name="VenueMarkVol">The venue's mark implied lognormal vol, annualised decimal (0.53 = 53 %), optional; reported, never fitted.</param>
public sealed record SurfaceQuote(
    DateTimeOffset ExpiryUtc,
    double Strike,
    OptionRight Right,
    double? Bid,
    double? Ask,
    double? Mark = null,
    QuotePremiumCurrency PremiumCurrency = QuotePremiumCurrency.Usd,
    double? UnderlyingPrice = null,
    double? VenueMarkVol = null);

/// <summary>
/// Carry-model forward F(T) = S·e^{bT} used when neither a venue forward nor put-call parity is available
/// (Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §1.1.6).
/// </summary>
/// <param name="SpotUsd">Spot (index) price S in USD, &gt; 0.</param>
/// <param name="CostOfCarry">Cost of carry b, continuously compounded annualised decimal.</param>
public sealed record CarryForwardModel(double SpotUsd, double CostOfCarry)
{
    /// <summary>Forward S·e^{bT} in USD.</summary>
    /// <param name="tenorYears">Tenor T in years (Act/365F).</param>
    public double Forward(double tenorYears) => SpotUsd * Math.Exp(CostOfCarry * tenorYears);
}

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
public sealed record QuoteFilterOptions(
    double RatePerYear = 0.0,
    CarryForwardModel? CarryFallback = null,
    double MaximumRelativeSpread = 1.5,
    bool OutOfTheMoneyOnly = false,
    int MinimumStrikesPerSlice = 5,
    int MinimumParityPairs = 3)
{
    /// <summary>Defaults: r = 0, no carry fallback, spreads up to 150 % of mid, both rights, ≥ 5 strikes, ≥ 3 parity pairs.</summary>
    public static QuoteFilterOptions Default { get; } = new();
}
