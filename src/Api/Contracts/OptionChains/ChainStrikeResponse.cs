using System.ComponentModel;

namespace Analytics.Api.Contracts.OptionChains;

// "Chain" here is the option chain; the type keeps its name because it is the committed OpenAPI schema id.
/// <summary>One strike of the chain.</summary>
public sealed record ChainStrikeResponse(
    [property: Description("Strike, USD.")] double Strike,
    [property: Description("k = ln(K/F_T).")] double LogMoneyness,
    [property: Description("The surface's implied vol at this strike, annualised decimal.")] double Vol,
    [property: Description("The call.")] ChainOptionResponse Call,
    [property: Description("The put.")] ChainOptionResponse Put);
