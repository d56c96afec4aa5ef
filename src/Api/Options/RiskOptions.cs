using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using Analytics.Data.Risk;

namespace Analytics.Api.Options;

/// <summary>The <c>Risk</c> section: the default carry of risk runs (<c>Risk:Carry</c>).</summary>
public sealed class RiskOptions : IValidatableObject
{
    public const string SectionName = "Risk";

    /// <summary>The default carry.</summary>
    public RiskCarryOptions Carry { get; set; } = new();

    /// <summary>The defaults as the Data layer takes them (symbols upper case, venues lower case).</summary>
    public RiskCarryDefaults Defaults => new(Carry.Rate, Carry.LookbackHours,
        Carry.Funding.ToImmutableSortedDictionary(f => f.Key.Trim().ToUpperInvariant(), f => (f.Value.Venue.Trim().ToLowerInvariant(), f.Value.Market.Trim()), StringComparer.Ordinal));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!double.IsFinite(Carry.Rate) || Math.Abs(Carry.Rate) > 1)
            yield return new ValidationResult($"Risk:Carry:Rate '{Carry.Rate}' must be an annualised decimal in [−1, 1].", ["Carry"]);
        if (!(Carry.LookbackHours > 0 && Carry.LookbackHours <= 8760))
            yield return new ValidationResult($"Risk:Carry:LookbackHours '{Carry.LookbackHours}' must be in (0, 8760] hours.", ["Carry"]);
        foreach (var (underlying, perp) in Carry.Funding)
            if (string.IsNullOrWhiteSpace(perp?.Venue) || string.IsNullOrWhiteSpace(perp.Market))
                yield return new ValidationResult($"Risk:Carry:Funding:{underlying} needs a venue and a market.", ["Carry"]);
    }
}

/// <summary><c>Risk:Carry</c>: the configured carry per underlying.</summary>
public sealed class RiskCarryOptions
{
    /// <summary>Discount rate r and rates-carry rate, annualised decimal.</summary>
    public double Rate { get; set; }

    /// <summary>Funding look-back, hours.</summary>
    public double LookbackHours { get; set; } = RiskCarryDefaults.DefaultLookbackHours;

    /// <summary>Per underlying: the perp whose indexed funding is its carry.</summary>
    public Dictionary<string, RiskFundingPerp> Funding { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>A perp whose funding is an underlying's carry.</summary>
public sealed class RiskFundingPerp
{
    /// <summary>Venue id as indexed, e.g. <c>binance</c>.</summary>
    public string Venue { get; set; } = "";

    /// <summary>Market as indexed, e.g. <c>ETH-USDT</c>.</summary>
    public string Market { get; set; } = "";
}
