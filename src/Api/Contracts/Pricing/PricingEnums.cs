using System.Text.Json.Serialization;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>Call or put.</summary>
public enum OptionType
{
    Call,
    Put,
}

/// <summary>When the option can be exercised.</summary>
public enum ExerciseStyle
{
    European,
    American,
}

/// <summary>The pricing engine; the ids are fixed by API.md.</summary>
public enum PricingEngine
{
    [JsonStringEnumMemberName("analytic")] Analytic,
    [JsonStringEnumMemberName("bjerksund-stensland")] BjerksundStensland,
    [JsonStringEnumMemberName("barone-adesi-whaley")] BaroneAdesiWhaley,
    [JsonStringEnumMemberName("binomial")] Binomial,
    [JsonStringEnumMemberName("quantlib-analytic")] QuantLibAnalytic,
    [JsonStringEnumMemberName("quantlib-baw")] QuantLibBaw,
    [JsonStringEnumMemberName("quantlib-fd")] QuantLibFd,
    [JsonStringEnumMemberName("quantlib-bjerksund-stensland")] QuantLibBjerksundStensland,
    [JsonStringEnumMemberName("quantlib-binomial")] QuantLibBinomial,
}

/// <summary>The unit of a premium: USD, or the underlying (inverse, coin-margined options as Deribit quotes them).</summary>
public enum PremiumCurrency
{
    Usd,
    Underlying,
}
