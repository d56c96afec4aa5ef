namespace Analytics.Data.Entities;

/// <summary>
/// A portfolio's margin utilisation crossing a configured threshold, raised by the <c>margin-monitor</c> job once per
/// crossing (<c>margin_alerts</c>), with the figures it saw.
/// </summary>
public sealed class MarginAlertEntity
{
    public long Id { get; set; }

    public long PortfolioId { get; set; }

    /// <summary>The portfolio version margined.</summary>
    public int PortfolioVersion { get; set; }

    /// <summary>Margin model id (<c>Margin:Models</c>).</summary>
    public required string Model { get; set; }

    /// <summary>Chain profile id (<c>Chains</c>).</summary>
    public required string Chain { get; set; }

    /// <summary><c>warning</c> or <c>liquidation</c>.</summary>
    public required string Level { get; set; }

    /// <summary>When the job raised it, UTC.</summary>
    public DateTime RaisedAtUtc { get; set; }

    /// <summary>The valuation instant of the margin run, UTC.</summary>
    public DateTime AsOfUtc { get; set; }

    /// <summary>Maintenance margin (with the chain's add-on) ÷ equity; null when equity ≤ 0.</summary>
    public double? Utilisation { get; set; }

    /// <summary>The threshold crossed (utilisation).</summary>
    public double Threshold { get; set; }

    public double EquityUsd { get; set; }

    public double MaintenanceMarginUsd { get; set; }

    public double InitialMarginUsd { get; set; }

    /// <summary>The recurring job that raised it.</summary>
    public required string RecurringJobId { get; set; }
}
