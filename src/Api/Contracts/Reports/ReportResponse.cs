using System.Collections.Immutable;
using System.ComponentModel;
using Analytics.Data.Reports;

namespace Analytics.Api.Contracts.Reports;

/// <summary>A stored risk report: what it rested on, its results per section and its timings.</summary>
public sealed record ReportResponse(
    [property: Description("Report id.")] long Id,
    [property: Description("When it was written, UTC.")] DateTimeOffset CreatedAt,
    [property: Description("The split Monte Carlo run it combined (its blocks ran as separate jobs), or null.")] string? SplitRunId,
    [property: Description("Portfolio id, version and content hash, valuation instant, prices and surfaces used (ids and as-of instants), carry, parameters and code version.")] ReportInputs Inputs,
    [property: Description("VaR and ES per method (positive USD losses); simulation methods with their scenario P&L, Monte Carlo with standard errors.")] ImmutableArray<ReportVar> Var,
    [property: Description("Loss per named stress scenario, USD (positive = a loss), with the moves applied.")] ImmutableArray<ReportStress> Stress,
    [property: Description("Margin per model × chain: initial and maintenance with the chain's liquidation-latency add-on, equity, utilisation and liquidation prices.")] ImmutableArray<ReportMargin> Margin,
    [property: Description("Per underlying: the book's P&L on a spot move × vol shift grid, USD.")] ImmutableArray<ReportGrid> Grid,
    [property: Description("The stored daily one-day VaR history against realised P&L; null when no day could be tested.")] ReportBacktest? Backtest,
    [property: Description("The portfolio's margin alerts (raised by the margin-monitor job) in the 7 days up to the valuation instant, newest first.")] ImmutableArray<ReportAlert> Alerts,
    [property: Description("What could not be computed, and why.")] ImmutableArray<string> Notes,
    [property: Description("Milliseconds per section.")] ImmutableSortedDictionary<string, double> TimingsMs,
    [property: Description("The one-day VaR run stored with the report (`GET /api/v1/risk/var/{id}`), or null.")] string? VarRunId)
{
    /// <summary>The response of a stored report.</summary>
    public static ReportResponse Of(StoredRiskReport stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var r = stored.Report;
        return new(stored.Id, stored.CreatedUtc, stored.SplitRunId, r.Inputs, r.Var, r.Stress, r.Margin, r.Grid, r.Backtest, r.Alerts, r.Notes, r.Timings, r.VarRunId);
    }
}
