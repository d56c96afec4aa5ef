namespace Analytics.Data.Entities;

/// <summary>
/// One stored <c>POST /risk/var</c> run, immutable once written: what <c>GET /risk/var/{id}</c> and its picture read on
/// any node after any restart, and the stored VaR history <c>POST /risk/backtest</c> with a <c>portfolioId</c> tests. The
/// run itself (specification, estimate, scenario P&amp;L, inputs, contribution labels) is a JSON text column in Data's own
/// shape (<c>Analytics.Data.Risk.StoredVarRun</c>), mapped by <c>Analytics.Data.Risk.VarRunStore</c>; the columns beside
/// it are what the backtest selects on.
/// </summary>
public sealed class VarRunEntity
{
    /// <summary>Run id, 16 lower-case hex digits.</summary>
    public required string Id { get; set; }

    /// <summary>The stored portfolio valued; null for inline positions.</summary>
    public long? PortfolioId { get; set; }

    /// <summary>The portfolio version valued; null for inline positions.</summary>
    public int? PortfolioVersion { get; set; }

    /// <summary>The valuation instant (UTC).</summary>
    public DateTime AsOfUtc { get; set; }

    /// <summary>When the run was stored (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>API id of the method (<c>historical</c>, <c>parametric</c>, <c>delta-gamma</c>, <c>monte-carlo</c>).</summary>
    public required string Method { get; set; }

    /// <summary>Confidence c.</summary>
    public double Confidence { get; set; }

    /// <summary>Horizon, days.</summary>
    public int HorizonDays { get; set; }

    /// <summary>VaR, positive USD loss.</summary>
    public double ValueAtRisk { get; set; }

    /// <summary>Expected shortfall, positive USD loss.</summary>
    public double ExpectedShortfall { get; set; }

    /// <summary>The run (<c>StoredVarRun</c>) as JSON.</summary>
    public required string RunJson { get; set; }
}
