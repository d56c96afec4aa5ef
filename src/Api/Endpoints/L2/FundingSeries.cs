namespace Analytics.Api.Endpoints.L2;

/// <summary>The perp funding series whose mean is the carry, and the look-back window (ending at the valuation time).</summary>
internal sealed record FundingSeries(string Venue, string Market, double LookbackHours);
