namespace Analytics.Data.Risk;

/// <summary>
/// The carry asked for one underlying of a risk run: by the request's <c>carry</c> field, else the configured default
/// (<see cref="RiskCarryDefaults"/>). Validated by the caller.
/// </summary>
/// <param name="Source">Funding, rates or explicit.</param>
/// <param name="Rate">Discount (collateral) rate r, annualised continuously compounded decimal; with <see cref="CarrySource.Rates"/> also the r of b = r − q, and the rate a funding carry falls back to.</param>
/// <param name="DividendYield">Underlying yield q of b = r − q (rates, and the funding fallback).</param>
/// <param name="CostOfCarry">Explicit b; null otherwise.</param>
/// <param name="Venue">Funding: venue id, lower case (e.g. <c>binance</c>).</param>
/// <param name="Market">Funding: perp market as indexed (e.g. <c>ETH-USDT</c>).</param>
/// <param name="LookbackHours">Funding: the look-back window ending at the valuation instant, hours.</param>
public sealed record CarryChoice(
    CarrySource Source,
    double Rate = 0.0,
    double DividendYield = 0.0,
    double? CostOfCarry = null,
    string? Venue = null,
    string? Market = null,
    double LookbackHours = RiskCarryDefaults.DefaultLookbackHours)
{
    /// <summary>The funding window of a funding choice; null otherwise.</summary>
    public Market.FundingWindow? Window => Source == CarrySource.Funding && Venue is not null && Market is not null
        ? new Market.FundingWindow(Venue, Market, LookbackHours) : null;
}
