using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>Monte Carlo standard errors.</summary>
public sealed record StandardErrorResponse(
    [property: Description("Of `var`, USD.")] double Var,
    [property: Description("Of `expectedShortfall`, USD.")] double ExpectedShortfall);
