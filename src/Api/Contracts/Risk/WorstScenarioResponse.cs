using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>One of the worst scenarios.</summary>
public sealed record WorstScenarioResponse(
    [property: Description("The scenario: the end date of its historical return window, or `path n` for Monte Carlo.")] string Scenario,
    [property: Description("The book's P&L in it, USD (negative = a loss).")] double Pnl);
