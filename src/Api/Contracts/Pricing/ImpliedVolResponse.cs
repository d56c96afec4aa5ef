using System.ComponentModel;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>The implied volatility of a price.</summary>
public sealed record ImpliedVolResponse(
    [property: Description("Lognormal (Black) implied volatility, annualised decimal (0.8 = 80 %).")] double ImpliedVol,
    [property: Description("Time to expiry used, years (Act/365F).")] double TenorYears,
    [property: Description("Solver iterations taken.")] int Iterations) : ImpliedVolSlot;
