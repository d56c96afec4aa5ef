namespace Analytics.Pricing.Structures;

/// <summary>One point of a payoff diagram.</summary>
/// <param name="Spot">Spot at the first expiry, USD.</param>
/// <param name="Pnl">Position P&amp;L at that spot net of the premium, USD.</param>
public readonly record struct PayoffPoint(double Spot, double Pnl);
