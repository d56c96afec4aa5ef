using System.Collections.Immutable;
using Analytics.Api.Contracts.Risk;
using Analytics.Api.Errors;
using Analytics.Data.Risk;

namespace Analytics.Api.Endpoints.Risk;

/// <summary>The <c>carry</c> field of a risk request: validated per underlying over the configured defaults.</summary>
internal static class CarryRequests
{
    private const int MaxUnderlyings = 100;

    /// <summary>The requested choices per underlying (upper case); field errors under <c>carry.{underlying}</c>.</summary>
    public static RiskCarryPlan Parse(IReadOnlyDictionary<string, CarryRequest?>? carry, RiskCarryDefaults defaults, FieldErrors errors)
    {
        var chosen = ImmutableSortedDictionary.CreateBuilder<string, CarryChoice>(StringComparer.Ordinal);
        if (carry is null) return new RiskCarryPlan(defaults, chosen.ToImmutable());
        if (carry.Count > MaxUnderlyings)
        {
            errors.Add("carry", $"lists {carry.Count} underlyings; at most {MaxUnderlyings}.");
            return new RiskCarryPlan(defaults, chosen.ToImmutable());
        }

        foreach (var (key, request) in carry)
        {
            var underlying = key.Trim().ToUpperInvariant();
            var at = $"carry.{key}";
            if (underlying.Length is 0 or > 20) { errors.Add(at, "the key must be an underlying symbol (1–20 characters)."); continue; }
            if (request is null) { errors.Add(at, "must be { \"source\": \"funding\" | \"rates\" | \"explicit\", ... }."); continue; }
            var rate = errors.Range($"{at}.rate", request.Rate, -1, 1, "annualised decimal") ?? defaults.Rate;
            var yield = errors.Range($"{at}.dividendYield", request.DividendYield, -1, 1, "annualised decimal") ?? 0.0;
            var lookback = errors.Range($"{at}.lookbackHours", request.LookbackHours, 0, 8760, "hours", minExclusive: true) ?? defaults.LookbackHours;
            var b = errors.Range($"{at}.costOfCarry", request.CostOfCarry, -5, 5, "annualised decimal");
            switch (request.Source?.Trim().ToLowerInvariant())
            {
                case "funding":
                    defaults.Funding.TryGetValue(underlying, out var configured);
                    var venue = request.Venue?.Trim().ToLowerInvariant() ?? configured.Venue;
                    var market = request.Market?.Trim() ?? configured.Market;
                    if (string.IsNullOrEmpty(venue) || venue.Length > 50) errors.Add($"{at}.venue", $"is required (1–50 characters): no funding perp is configured for {underlying}.");
                    if (string.IsNullOrEmpty(market) || market.Length > 50) errors.Add($"{at}.market", $"is required (1–50 characters): no funding perp is configured for {underlying}.");
                    chosen[underlying] = new CarryChoice(CarrySource.Funding, rate, yield, null, venue, market, lookback);
                    break;
                case "rates":
                    chosen[underlying] = new CarryChoice(CarrySource.Rates, rate, yield);
                    break;
                case "explicit":
                    if (request.CostOfCarry is null) errors.Add($"{at}.costOfCarry", "is required with source explicit.");
                    chosen[underlying] = new CarryChoice(CarrySource.Explicit, rate, 0.0, b ?? 0.0);
                    break;
                default:
                    errors.Add($"{at}.source", $"'{request.Source}' is not one of funding, rates, explicit.");
                    break;
            }
        }

        return new RiskCarryPlan(defaults, chosen.ToImmutable());
    }

    /// <summary>Field errors for carry of underlyings the book does not hold.</summary>
    public static void CheckHeld(RiskCarryPlan plan, RiskBook book, FieldErrors errors)
    {
        var held = book.Underlyings().ToHashSet(StringComparer.Ordinal);
        foreach (var underlying in plan.Requested.Keys.Where(u => !held.Contains(u)))
            errors.Add($"carry.{underlying}", $"{underlying} is not an underlying of the book ({string.Join(", ", held.Order(StringComparer.Ordinal))}).");
    }
}
