using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>Kupiec's proportion-of-failures test (unconditional coverage).</summary>
public sealed record KupiecResponse(
    [property: Description("LR_pof.")] double Statistic,
    [property: Description("P(χ²₁ ≥ statistic).")] double PValue,
    [property: Description("Exceptions: days whose loss exceeded VaR.")] int Failures,
    [property: Description("Days tested.")] int Observations,
    [property: Description("Exceptions expected at the VaR's confidence, (1 − confidence)·observations.")] double ExpectedFailures,
    [property: Description("`accept` or `reject`.")] string Result);
