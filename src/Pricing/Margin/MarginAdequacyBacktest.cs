using Analytics.Pricing.Risk.Var;

namespace Analytics.Pricing.Margin;

/// <summary>
/// Margin adequacy over history (PRODUCT.md §3.5): the book as it stands, margined once at its base market, is moved by
/// each historical window's close-to-close log return r of every underlying (windows of h days from the indexed daily
/// closes, aligned on common dates), stretched to the chain's liquidation window by √((h·86,400 + τ) / (h·86,400)) (the
/// time to liquidate comes on top of the window in which the account fell to its maintenance margin); each window is a
/// full revaluation on the scenario engine (vols held). A window is a breach when its loss exceeds the margin held.
/// </summary>
public static class MarginAdequacyBacktest
{
    /// <summary>Runs the backtest for one margin held and one chain.</summary>
    /// <param name="book">The book.</param>
    /// <param name="returns">h-day log returns of every underlying of the book.</param>
    /// <param name="marginHeldUsd">Maintenance margin held (with or without the add-on), USD.</param>
    /// <param name="horizonSeconds">τ of the chain, seconds.</param>
    /// <returns>The counts and the worst shortfall.</returns>
    public static MarginBacktestOutcome Run(MarginBook book, AlignedReturns returns, double marginHeldUsd, double horizonSeconds)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(returns);
        double windowSeconds = returns.HorizonDays * LiquidationLatency.SecondsPerDay;
        double stretch = Math.Sqrt((windowSeconds + Math.Max(horizonSeconds, 0.0)) / windowSeconds);
        var none = new Dictionary<string, double>(StringComparer.Ordinal);
        double equity0 = book.Equity(none);
        int breaches = 0, windows = returns.Returns.RowCount;
        double worstLoss = double.NegativeInfinity, worstShortfall = double.NegativeInfinity;
        DateOnly? worstDate = null;
        for (int t = 0; t < windows; t++)
        {
            var shift = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int j = 0; j < returns.Underlyings.Length; j++) shift[returns.Underlyings[j]] = Math.Exp(returns.Returns[t, j] * stretch) - 1.0;
            double loss = equity0 - book.Equity(shift);
            double shortfall = loss - marginHeldUsd;
            if (shortfall > 0) breaches++;
            if (shortfall > worstShortfall)
            {
                (worstShortfall, worstLoss, worstDate) = (shortfall, loss, returns.EndDates[t]);
            }
        }

        return new MarginBacktestOutcome(windows, breaches, windows == 0 ? 0 : (double)breaches / windows,
            windows == 0 ? null : worstShortfall, windows == 0 ? null : worstLoss, worstDate, stretch);
    }
}

/// <summary>A margin backtest's counts.</summary>
/// <param name="Windows">Windows tested.</param>
/// <param name="Breaches">Windows whose loss exceeded the margin held.</param>
/// <param name="BreachFrequency">Breaches ÷ windows.</param>
/// <param name="WorstShortfallUsd">The largest loss − margin held (negative when no window breached), or null with no window.</param>
/// <param name="WorstLossUsd">The loss of that window.</param>
/// <param name="WorstWindowEnd">The date that window ended.</param>
/// <param name="ReturnStretch">The factor the window's log returns were stretched by for the chain's latency.</param>
public sealed record MarginBacktestOutcome(int Windows, int Breaches, double BreachFrequency, double? WorstShortfallUsd, double? WorstLossUsd, DateOnly? WorstWindowEnd, double ReturnStretch);
