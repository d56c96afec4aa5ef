using System.Collections.Immutable;

namespace Analytics.Pricing.Margin;

/// <summary>
/// A book's margin under one model on one chain (PRODUCT.md §3.5): the model's margin, the liquidation-latency add-on
/// (<see cref="LiquidationLatency"/>) added to both initial and maintenance margin, equity and utilisation, and per
/// underlying the liquidation prices (the spot where equity = maintenance margin including the add-on, others held,
/// <see cref="LiquidationPriceSolver"/>) and the distance to them in % of spot and in σ_τ of the latency window.
/// </summary>
public static class MarginAnalysis
{
    /// <summary>Runs the analysis.</summary>
    /// <param name="model">The margin model.</param>
    /// <param name="book">The book.</param>
    /// <param name="dailyVols">EWMA daily vol per underlying of the book.</param>
    /// <param name="horizonSeconds">τ of the chain (latency + block time + oracle heartbeat), seconds.</param>
    /// <param name="confidence">Confidence of the add-on, in (0.5, 1).</param>
    /// <param name="solveLiquidation">Whether to solve the liquidation prices (compare skips them).</param>
    /// <returns>The figures.</returns>
    public static MarginAnalysisResult Run(MarginModel model, MarginBook book, IReadOnlyDictionary<string, double> dailyVols,
        double horizonSeconds, double confidence, bool solveLiquidation)
    {
        ArgumentNullException.ThrowIfNull(dailyVols);
        var none = ImmutableDictionary<string, double>.Empty;
        var margin = MarginCalculator.Evaluate(model, book, none);
        var addOns = AddOns(book, dailyVols, horizonSeconds, confidence, none);
        double addOn = addOns.Values.Sum(a => a.LossUsd);
        double equity = book.Equity(none);
        double maintenance = margin.MaintenanceMarginUsd + addOn;
        var liquidation = ImmutableSortedDictionary.CreateBuilder<string, LiquidationLevels>(StringComparer.Ordinal);
        if (solveLiquidation)
        {
            foreach (var u in book.Underlyings)
            {
                double spot = book.Market.Underlyings[u].Spot;
                double windowVol = addOns[u].WindowVol;
                if (equity - maintenance <= 0)
                {
                    liquidation[u] = new LiquidationLevels(null, null, true, null, null, null);
                    continue;
                }

                double Surplus(double x)
                {
                    var shift = new Dictionary<string, double>(StringComparer.Ordinal) { [u] = x };
                    var m = MarginCalculator.Evaluate(model, book, shift);
                    double a = AddOns(book, dailyVols, horizonSeconds, confidence, shift).Values.Sum(v => v.LossUsd);
                    return book.Equity(shift) - m.MaintenanceMarginUsd - a;
                }

                var (down, up) = LiquidationPriceSolver.Solve(Surplus);
                double? nearest = (down, up) switch
                {
                    ({ } d, { } v) => Math.Abs(d) <= v ? d : v,
                    ({ } d, null) => d,
                    (null, { } v) => v,
                    _ => null,
                };
                liquidation[u] = new LiquidationLevels(
                    down is { } dd ? spot * (1 + dd) : null, up is { } uu ? spot * (1 + uu) : null, false, nearest,
                    nearest is { } n && windowVol > 0 ? Math.Abs(Math.Log(1 + n)) / windowVol : null, windowVol);
            }
        }

        return new MarginAnalysisResult(margin, addOn, addOns.ToImmutableSortedDictionary(StringComparer.Ordinal), equity,
            margin.InitialMarginUsd + addOn, maintenance, equity > 0 ? maintenance / equity : null, liquidation.ToImmutable());
    }

    /// <summary>The add-on of each underlying at the shifted market.</summary>
    public static Dictionary<string, UnderlyingAddOn> AddOns(MarginBook book, IReadOnlyDictionary<string, double> dailyVols, double horizonSeconds,
        double confidence, IReadOnlyDictionary<string, double> shift)
    {
        ArgumentNullException.ThrowIfNull(book);
        var result = new Dictionary<string, UnderlyingAddOn>(StringComparer.Ordinal);
        foreach (var u in book.Underlyings)
        {
            double windowVol = LiquidationLatency.WindowVol(dailyVols[u], horizonSeconds);
            double bound = LiquidationLatency.MoveBound(windowVol, confidence);
            var (delta, gamma) = horizonSeconds > 0 ? book.DeltaGamma(u, shift) : (0.0, 0.0);
            result[u] = new UnderlyingAddOn(dailyVols[u], windowVol, bound, delta, gamma, LiquidationLatency.Loss(delta, gamma, bound));
        }

        return result;
    }
}

/// <summary>One underlying's liquidation-latency add-on.</summary>
/// <param name="DailyVol">EWMA daily vol of its log returns.</param>
/// <param name="WindowVol">σ_τ of the latency window.</param>
/// <param name="MoveBound">z·σ_τ.</param>
/// <param name="DollarDelta">D, USD per unit relative move.</param>
/// <param name="DollarGamma">G, USD.</param>
/// <param name="LossUsd">The add-on, USD.</param>
public sealed record UnderlyingAddOn(double DailyVol, double WindowVol, double MoveBound, double DollarDelta, double DollarGamma, double LossUsd);

/// <summary>Liquidation levels of one underlying.</summary>
/// <param name="DownPriceUsd">The spot below the current one where equity = maintenance margin, or null.</param>
/// <param name="UpPriceUsd">The spot above, or null.</param>
/// <param name="LiquidatableNow">Equity is already at or below maintenance margin.</param>
/// <param name="NearestMove">Relative move to the nearer of the two, or null.</param>
/// <param name="NearestMoveInWindowSigmas">|ln(1 + move)| ÷ σ_τ, or null.</param>
/// <param name="WindowVol">σ_τ used.</param>
public sealed record LiquidationLevels(double? DownPriceUsd, double? UpPriceUsd, bool LiquidatableNow, double? NearestMove, double? NearestMoveInWindowSigmas, double? WindowVol);

/// <summary>What <see cref="MarginAnalysis.Run"/> found.</summary>
/// <param name="Model">The model's margin before the add-on.</param>
/// <param name="AddOnUsd">The liquidation-latency add-on, USD.</param>
/// <param name="AddOns">Per underlying.</param>
/// <param name="EquityUsd">Equity, USD.</param>
/// <param name="InitialMarginUsd">Model IM + add-on.</param>
/// <param name="MaintenanceMarginUsd">Model MM + add-on.</param>
/// <param name="Utilisation">Maintenance ÷ equity, or null when equity ≤ 0.</param>
/// <param name="Liquidation">Per underlying (empty when not solved).</param>
public sealed record MarginAnalysisResult(
    MarginResult Model, double AddOnUsd, ImmutableSortedDictionary<string, UnderlyingAddOn> AddOns, double EquityUsd,
    double InitialMarginUsd, double MaintenanceMarginUsd, double? Utilisation, ImmutableSortedDictionary<string, LiquidationLevels> Liquidation);
