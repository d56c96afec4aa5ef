using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>One position's share of VaR and ES.</summary>
public sealed record VarContributionResponse(
    [property: Description("Index of the position in the portfolio (0-based); null for coin collateral, which is revalued like a spot holding.")] int? Position,
    [property: Description("What it is: the position's underlying and kind, or `collateral BTC`.")] string Label,
    [property: Description("Its contribution to `var`, USD; the contributions sum to `var`.")] double Var,
    [property: Description("Its contribution to `expectedShortfall`, USD; they sum to it.")] double ExpectedShortfall);
