namespace Analytics.Jobs;

/// <summary>
/// When the margin monitor raises an alert: a level (warning, liquidation) is "above" when utilisation (maintenance
/// margin with the chain's add-on ÷ equity) is at or above its threshold, or equity is not positive (utilisation
/// undefined, worse than any threshold). An alert is raised when a level turns from not above (or never checked) to
/// above; staying above raises nothing more, and falling below re-arms it. No hysteresis band: a book that oscillates
/// across the threshold between runs alerts at each upward crossing.
/// </summary>
public static class MarginAlertRule
{
    /// <summary>The alert levels, in increasing severity.</summary>
    public const string Warning = "warning", Liquidation = "liquidation";

    /// <summary>Whether the level is above now, and whether that is a crossing to alert on.</summary>
    /// <param name="wasAbove">The level's state at the previous run; null before the first.</param>
    /// <param name="utilisation">Utilisation now; null when equity ≤ 0.</param>
    /// <param name="threshold">The level's threshold (utilisation).</param>
    public static (bool Above, bool Raise) Evaluate(bool? wasAbove, double? utilisation, double threshold)
    {
        var above = utilisation is not { } u || u >= threshold;
        return (above, above && wasAbove != true);
    }
}
