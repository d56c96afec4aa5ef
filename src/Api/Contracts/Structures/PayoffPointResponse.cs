using System.ComponentModel;

namespace Analytics.Api.Contracts.Structures;

/// <summary>A point of the payoff diagram.</summary>
public sealed record PayoffPointResponse([property: Description("Spot at the first expiry, USD.")] double Spot, [property: Description("P&L net of premium, USD.")] double Pnl);
