using System.ComponentModel;
using Analytics.Api.Contracts.L2;
using Analytics.Api.Contracts.Pricing;
using Analytics.Pricing;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Contracts.Structures;

/// <summary>A point of the payoff diagram.</summary>
public sealed record PayoffPointResponse([property: Description("Spot at the first expiry, USD.")] double Spot, [property: Description("P&L net of premium, USD.")] double Pnl);
