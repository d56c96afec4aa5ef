using System.Collections.Immutable;

namespace Analytics.Data.Risk;

/// <summary>
/// The configured carry of risk runs (<c>Risk:Carry</c>): an underlying with a configured perp takes the funding carry of
/// that perp; any other takes rates carry b = r − 0 at <see cref="Rate"/>. A request's <c>carry</c> overrides per underlying.
/// </summary>
/// <param name="Rate">Discount rate r, annualised decimal, and the r of rates carry.</param>
/// <param name="LookbackHours">Funding look-back, hours.</param>
/// <param name="Funding">Per underlying (upper case): the perp whose funding is its carry.</param>
public sealed record RiskCarryDefaults(double Rate, double LookbackHours, ImmutableSortedDictionary<string, (string Venue, string Market)> Funding)
{
    /// <summary>The funding look-back used when none is configured or asked: one week, hours.</summary>
    public const double DefaultLookbackHours = 168;

    /// <summary>No funding configured, r = 0.</summary>
    public static readonly RiskCarryDefaults None = new(0.0, DefaultLookbackHours, ImmutableSortedDictionary<string, (string, string)>.Empty);

    /// <summary>The carry of <paramref name="underlying"/>: the request's choice, else the configured perp's funding, else rates at <see cref="Rate"/>.</summary>
    public CarryChoice ChoiceFor(string underlying, IReadOnlyDictionary<string, CarryChoice>? requested) =>
        requested is not null && requested.TryGetValue(underlying, out var asked) ? asked
        : Funding.TryGetValue(underlying, out var perp) ? new CarryChoice(CarrySource.Funding, Rate, 0.0, null, perp.Venue, perp.Market, LookbackHours)
        : new CarryChoice(CarrySource.Rates, Rate);
}
