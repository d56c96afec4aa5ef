using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>A likelihood-ratio test's statistic, its asymptotic χ² p-value and the decision.</summary>
public sealed record LikelihoodRatioResponse(
    [property: Description("LR = −2 ln(L₀/L₁).")] double Statistic,
    [property: Description("Degrees of freedom of the χ² distribution the p-value is read from.")] int DegreesOfFreedom,
    [property: Description("P(χ² ≥ statistic).")] double PValue,
    [property: Description("`accept` or `reject` (reject when the p-value is at most 1 − testLevel).")] string Result);
