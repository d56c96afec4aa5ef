namespace Analytics.Data.Market;

/// <summary>A perp's funding series and the look-back window its carry is averaged over (PRODUCT.md §3.4).</summary>
/// <param name="Venue">Venue id, e.g. <c>deribit</c>.</param>
/// <param name="Market">Perp market, e.g. <c>ETH-PERPETUAL</c>.</param>
/// <param name="LookbackHours">Length of the window ending at the snapshot's instant, hours, &gt; 0.</param>
public readonly record struct FundingWindow(string Venue, string Market, double LookbackHours);
