namespace Analytics.Data.Entities;

/// <summary>
/// Whether a portfolio × model × chain is above a threshold level as of the last <c>margin-monitor</c> run
/// (<c>margin_alert_states</c>): an alert is raised when this turns from below to above, not at every run above.
/// </summary>
public sealed class MarginAlertStateEntity
{
    public long PortfolioId { get; set; }

    public required string Model { get; set; }

    public required string Chain { get; set; }

    /// <summary><c>warning</c> or <c>liquidation</c>.</summary>
    public required string Level { get; set; }

    /// <summary>At or above the level's threshold at the last run.</summary>
    public bool Above { get; set; }

    /// <summary>Utilisation at the last run (null when equity ≤ 0).</summary>
    public double? Utilisation { get; set; }

    /// <summary>When the last run looked, UTC.</summary>
    public DateTime CheckedAtUtc { get; set; }
}
