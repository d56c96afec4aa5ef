using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>VaR and expected shortfall of a book (API.md, <c>POST /risk/var</c>).</summary>
public sealed record VarResponse(
    [property: Description("Run id: `GET /api/v1/risk/var/{id}.svg` draws its P&L histogram with the VaR and ES lines.")] string Id,
    [property: Description("`historical`, `parametric`, `delta-gamma` or `monte-carlo`.")] string Method,
    [property: Description("Confidence c.")] double Confidence,
    [property: Description("Horizon h, days.")] int HorizonDays,
    [property: Description("The valuation instant, UTC.")] DateTimeOffset AsOf,
    [property: Description("How option vols moved in the scenarios: `held` (sticky strike), `sticky-moneyness` (read from the surface at the moved spot's log-moneyness) or `surface-history` (held plus the stored surfaces' historical moves).")] string VolModel,
    [property: Description("Value at risk: the loss not exceeded with probability c, USD (positive = a loss).")] double Var,
    [property: Description("Expected shortfall: the mean loss beyond VaR, USD.")] double ExpectedShortfall,
    [property: Description("Monte Carlo: standard errors of `var` and `expectedShortfall` (batch means over 20 blocks); null otherwise.")] StandardErrorResponse? StandardError,
    [property: Description("Per position (then coin collateral): contributions summing to `var` and to `expectedShortfall`.")] IReadOnlyList<VarContributionResponse> Contributions,
    [property: Description("How the contributions were estimated.")] string ContributionMethod,
    [property: Description("How the horizon was reached, in words; with `volModel: surface-history` also how many returns the stored surfaces moved, per underlying.")] string HorizonScaling,
    [property: Description("The scenario P&L distribution (simulation methods; empty for the parametric ones), 40 bins.")] IReadOnlyList<HistogramBinResponse> PnlHistogram,
    [property: Description("The ten worst scenarios, worst first (simulation methods).")] IReadOnlyList<WorstScenarioResponse> WorstScenarios,
    [property: Description("Delta-gamma: skewness and excess kurtosis of the quadratic P&L the Cornish–Fisher expansion used; null otherwise.")] IReadOnlyDictionary<string, double>? Moments,
    [property: Description("What the run used.")] RiskInputsResponse Inputs);
