using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>Christoffersen's independence test with the day-to-day transition counts it rests on.</summary>
public sealed record ChristoffersenResponse(
    [property: Description("LR_ind.")] double Statistic,
    [property: Description("P(χ²₁ ≥ statistic).")] double PValue,
    [property: Description("`accept` or `reject`.")] string Result,
    [property: Description("Quiet day after a quiet day.")] int N00,
    [property: Description("Exception after a quiet day.")] int N01,
    [property: Description("Quiet day after an exception.")] int N10,
    [property: Description("Exception after an exception.")] int N11);
