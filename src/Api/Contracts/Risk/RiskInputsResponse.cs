using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>What a risk run used.</summary>
public sealed record RiskInputsResponse(
    [property: Description("The portfolio id and version valued; null for inline positions.")] long? PortfolioId,
    [property: Description("The portfolio version valued; null for inline positions.")] int? PortfolioVersion,
    [property: Description("Per underlying: the spot used (USD), its instant and source (the latest stored price at or before `asOf`).")] IReadOnlyDictionary<string, RiskPriceResponse> Prices,
    [property: Description("Per underlying with options: the surface the vols were read from (published, `Surfaces:DefaultModel`, as-of at or before `asOf`).")] IReadOnlyDictionary<string, long> SurfaceIds,
    [property: Description("Per underlying: the cost of carry b used, annualised decimal (details in `carry`).")] IReadOnlyDictionary<string, double> CarryPerUnderlying,
    [property: Description("Per underlying: the carry used, its source (funding, rates, explicit), discount rate, funding window, and a note (a funding carry that fell back to rates says so and why).")] IReadOnlyDictionary<string, CarryUsedResponse> Carry,
    [property: Description("Historical returns used (days); 0 when none.")] int ReturnDays,
    [property: Description("Dates dropped because some underlying had no close that day.")] int DroppedDates,
    [property: Description("End date of the first return window used.")] DateOnly? FirstReturnEnd,
    [property: Description("End date of the last return window used.")] DateOnly? LastReturnEnd,
    [property: Description("Per underlying: the price source of the daily closes behind the returns (one source per underlying, the one with the most days in the window; closes of different feeds never mix).")] IReadOnlyDictionary<string, string> HistorySources);
