using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>The Basel traffic light (Basel Committee 1996, Tables 1–2).</summary>
public sealed record TrafficLightResponse(
    [property: Description("`green`, `yellow` or `red`, by the cumulative binomial probability of the exception count (green below 95 %, red from 99.99 %).")] string Zone,
    [property: Description("Exceptions.")] int Exceptions,
    [property: Description("Days tested.")] int Observations,
    [property: Description("P(X ≤ exceptions), X ~ Binomial(observations, 1 − confidence).")] double CumulativeProbability,
    [property: Description("Table 2's add-on to the capital multiplier of 3 (0 green; 0.40–0.85 yellow; 1 red); null unless 99 % VaR over 250 days, for which it is defined.")] double? PlusFactor);
