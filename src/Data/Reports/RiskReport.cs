using System.Collections.Immutable;
using Analytics.Data.Market;

namespace Analytics.Data.Reports;

/// <summary>
/// A risk report of one portfolio at one instant (PRODUCT.md §3.6): what it rested on (<see cref="Inputs"/>), its results
/// per section, and how long each took. Everything but <see cref="Timings"/>, <see cref="ReportInputs.CodeVersion"/> and
/// <see cref="VarRunId"/> is reproducible from the inputs (<see cref="ReportComparison"/>).
/// </summary>
/// <param name="Inputs">Portfolio, instant, market data used and parameters.</param>
/// <param name="Var">VaR and ES per method, in the parameters' order.</param>
/// <param name="Stress">Loss per stress scenario.</param>
/// <param name="Margin">Margin per model × chain.</param>
/// <param name="Grid">Per underlying: the book's P&amp;L on a spot move × vol shift grid.</param>
/// <param name="Backtest">The stored daily VaR history against realised P&amp;L; null when no day could be tested.</param>
/// <param name="Notes">What a section could not compute, and why.</param>
/// <param name="Timings">Milliseconds per section (not reproduced).</param>
/// <param name="VarRunId">The one-day VaR run stored with the report (it extends the history later reports backtest); null when none.</param>
public sealed record RiskReport(
    ReportInputs Inputs,
    ImmutableArray<ReportVar> Var,
    ImmutableArray<ReportStress> Stress,
    ImmutableArray<ReportMargin> Margin,
    ImmutableArray<ReportGrid> Grid,
    ReportBacktest? Backtest,
    ImmutableArray<string> Notes,
    ImmutableSortedDictionary<string, double> Timings,
    string? VarRunId)
{
    /// <summary>
    /// The portfolio's margin alerts (raised by the <c>margin-monitor</c> job) in the
    /// <see cref="RiskReportService.AlertWindowDays"/> days up to the valuation instant, newest first; empty in reports
    /// stored before alerts were part of them.
    /// </summary>
    public ImmutableArray<ReportAlert> Alerts { get; init; } = [];
}

/// <summary>A stored margin alert a report lists (<c>GET /api/v1/alerts</c> has the same figures).</summary>
/// <param name="Id">Alert id.</param>
/// <param name="RaisedAtUtc">When the margin-monitor job raised it.</param>
/// <param name="Level"><c>warning</c> or <c>liquidation</c>.</param>
/// <param name="Model">Margin model id.</param>
/// <param name="Chain">Chain id.</param>
/// <param name="PortfolioVersion">The portfolio version margined.</param>
/// <param name="Utilisation">Maintenance margin (with the add-on) ÷ equity at the crossing; null when equity ≤ 0.</param>
/// <param name="Threshold">The utilisation threshold crossed.</param>
/// <param name="EquityUsd">Equity, USD.</param>
/// <param name="MaintenanceMarginUsd">Maintenance margin with the chain's add-on, USD.</param>
public sealed record ReportAlert(
    long Id, DateTimeOffset RaisedAtUtc, string Level, string Model, string Chain, int PortfolioVersion, double? Utilisation, double Threshold,
    double EquityUsd, double MaintenanceMarginUsd);

/// <summary>What a report rested on.</summary>
/// <param name="PortfolioId">Portfolio id.</param>
/// <param name="PortfolioVersion">Version valued.</param>
/// <param name="PortfolioContentHash">SHA-256 of the version's stored positions and collateral.</param>
/// <param name="PortfolioName">The version's name.</param>
/// <param name="AsOfUtc">Valuation instant.</param>
/// <param name="Prices">Per underlying: spot, its instant and source.</param>
/// <param name="Surfaces">Per underlying with options: the surface read.</param>
/// <param name="HistorySources">Per underlying: the price source of the daily closes.</param>
/// <param name="Parameters">The parameters.</param>
/// <param name="SurfaceModel">The surface model pricing used.</param>
/// <param name="CodeVersion">Assembly informational version of the code that computed it.</param>
public sealed record ReportInputs(
    long PortfolioId,
    int PortfolioVersion,
    string PortfolioContentHash,
    string PortfolioName,
    DateTimeOffset AsOfUtc,
    ImmutableSortedDictionary<string, UnderlyingPrice> Prices,
    ImmutableSortedDictionary<string, ReportSurface> Surfaces,
    ImmutableSortedDictionary<string, string> HistorySources,
    ReportParameters Parameters,
    string SurfaceModel,
    string CodeVersion)
{
    /// <summary>Per underlying: the carry used (reproduction values with these, whatever the configuration says now).</summary>
    public ImmutableSortedDictionary<string, ReportCarry> Carry { get; init; } = ImmutableSortedDictionary<string, ReportCarry>.Empty;
}

/// <summary>The carry a report used for one underlying.</summary>
/// <param name="Source"><c>funding</c>, <c>rates</c> or <c>explicit</c>.</param>
/// <param name="CostOfCarry">b, annualised decimal.</param>
/// <param name="Rate">Discount rate r, annualised decimal.</param>
public sealed record ReportCarry(string Source, double CostOfCarry, double Rate);

/// <summary>A surface a report read.</summary>
/// <param name="Id">Stored surface id.</param>
/// <param name="AsOfUtc">The surface's as-of instant.</param>
public sealed record ReportSurface(long Id, DateTimeOffset AsOfUtc);

/// <summary>VaR and ES of one method.</summary>
/// <param name="Method">API id of the method.</param>
/// <param name="ValueAtRisk">VaR, positive USD loss.</param>
/// <param name="ExpectedShortfall">ES, positive USD loss.</param>
/// <param name="VarStandardError">Monte Carlo: standard error of VaR; null otherwise.</param>
/// <param name="ShortfallStandardError">Monte Carlo: standard error of ES; null otherwise.</param>
/// <param name="ProfitAndLoss">Scenario P&amp;L (simulation methods); empty otherwise.</param>
/// <param name="Note">How it was computed, in words.</param>
public sealed record ReportVar(
    string Method, double ValueAtRisk, double ExpectedShortfall, double? VarStandardError, double? ShortfallStandardError, ImmutableArray<double> ProfitAndLoss, string Note);

/// <summary>One stress scenario's loss.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="LossUsd">Loss of the book (positions and coin collateral), USD; negative = a gain.</param>
/// <param name="SpotMoves">Relative spot move per underlying.</param>
/// <param name="VolShifts">Absolute vol shift per underlying.</param>
public sealed record ReportStress(string Scenario, double LossUsd, ImmutableSortedDictionary<string, double> SpotMoves, ImmutableSortedDictionary<string, double> VolShifts);

/// <summary>Margin of the book under one model on one chain.</summary>
/// <param name="Model">Model id.</param>
/// <param name="Venue">The model's venue.</param>
/// <param name="Kind"><c>standard</c> or <c>portfolio</c>.</param>
/// <param name="Chain">Chain id.</param>
/// <param name="InitialMarginUsd">Model IM + the chain's liquidation-latency add-on; null when the model cannot margin the book.</param>
/// <param name="MaintenanceMarginUsd">Model MM + add-on; null when unsupported.</param>
/// <param name="AddOnUsd">The add-on; null when unsupported.</param>
/// <param name="EquityUsd">Equity, USD.</param>
/// <param name="Utilisation">Maintenance ÷ equity; null when equity ≤ 0 or unsupported.</param>
/// <param name="Liquidation">Per underlying: liquidation prices.</param>
/// <param name="Unsupported">Why the model cannot margin the book; null otherwise.</param>
public sealed record ReportMargin(
    string Model, string Venue, string Kind, string Chain, double? InitialMarginUsd, double? MaintenanceMarginUsd, double? AddOnUsd, double EquityUsd,
    double? Utilisation, ImmutableSortedDictionary<string, ReportLiquidation> Liquidation, string? Unsupported);

/// <summary>Liquidation prices of one underlying (equity = maintenance margin, others held).</summary>
/// <param name="DownPriceUsd">Below spot, or null.</param>
/// <param name="UpPriceUsd">Above spot, or null.</param>
/// <param name="LiquidatableNow">Equity already at or below maintenance margin.</param>
public sealed record ReportLiquidation(double? DownPriceUsd, double? UpPriceUsd, bool LiquidatableNow);

/// <summary>The book's P&amp;L with one underlying moved on a grid, others held.</summary>
/// <param name="Underlying">The underlying moved.</param>
/// <param name="SpotMoves">Relative spot moves (rows).</param>
/// <param name="VolShifts">Absolute vol shifts (columns).</param>
/// <param name="ProfitAndLossUsd">P&amp;L per row, per column, USD.</param>
public sealed record ReportGrid(string Underlying, ImmutableArray<double> SpotMoves, ImmutableArray<double> VolShifts, ImmutableArray<ImmutableArray<double>> ProfitAndLossUsd);

/// <summary>The stored daily one-day VaR history of the portfolio against realised P&amp;L.</summary>
/// <param name="FromDay">First day tested.</param>
/// <param name="ToDay">Last day tested.</param>
/// <param name="Days">Tested days in order.</param>
/// <param name="Skipped">Days without a stored run or closes.</param>
/// <param name="Exceptions">Days whose loss exceeded VaR.</param>
/// <param name="KupiecPValue">Kupiec's proportion-of-failures p-value.</param>
/// <param name="TrafficLight">Basel zone (<c>green</c>, <c>yellow</c>, <c>red</c>).</param>
public sealed record ReportBacktest(
    DateOnly FromDay, DateOnly ToDay, ImmutableArray<ReportBacktestDay> Days, int Skipped, int Exceptions, double KupiecPValue, string TrafficLight);

/// <summary>One tested day.</summary>
/// <param name="Day">UTC day of the run.</param>
/// <param name="RunId">Stored VaR run.</param>
/// <param name="ValueAtRisk">Its VaR, USD.</param>
/// <param name="ProfitAndLoss">Realised P&amp;L to the next day's close, USD.</param>
/// <param name="Exception">Loss above VaR.</param>
public sealed record ReportBacktestDay(DateOnly Day, string RunId, double ValueAtRisk, double ProfitAndLoss, bool Exception);
