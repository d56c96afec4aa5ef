using System.ComponentModel;

namespace Analytics.Api.Contracts.Portfolios;

/// <summary>A stored collateral holding.</summary>
public sealed record CollateralResponse(
    [property: Description("Asset symbol, upper case.")] string Asset,
    [property: Description("Units of the asset.")] double Amount);
