using MathNet.Numerics.Distributions;

namespace Analytics.Pricing.Margin;

/// <summary>
/// The L2 liquidation-latency add-on (PRODUCT.md §3.4 item 5, §3.5): after an account becomes liquidatable it stays open
/// for τ = chain liquidation latency + block time + oracle heartbeat (seconds). Over τ an underlying moves by a relative
/// x with standard deviation σ_τ = σ_daily·√(τ / 86,400 s) (σ_daily the EWMA daily vol of its indexed closes; √t scaling,
/// calendar days since crypto trades every day). The add-on per underlying is the worst delta-gamma loss
/// −(D·x + ½·G·x²) over the band |x| ≤ z·σ_τ, z = Φ⁻¹(confidence), with D and G the book's dollar delta and dollar gamma
/// in that underlying (per unit relative move); the book's add-on is the sum over underlyings (no diversification). Taking
/// the worst loss over the band, not only at its edges, keeps the add-on non-decreasing in τ for any gamma, and τ = 0
/// gives 0.
/// </summary>
public static class LiquidationLatency
{
    /// <summary>Seconds in a day, the unit of the daily vol.</summary>
    public const double SecondsPerDay = 86_400.0;

    /// <summary>τ = latency + block time + oracle heartbeat, seconds.</summary>
    public static double HorizonSeconds(double liquidationLatencySeconds, double blockTimeSeconds, double oracleHeartbeatSeconds) =>
        liquidationLatencySeconds + blockTimeSeconds + oracleHeartbeatSeconds;

    /// <summary>σ_τ = σ_daily·√(τ / 86,400).</summary>
    /// <param name="dailyVol">Daily vol of log returns, ≥ 0.</param>
    /// <param name="horizonSeconds">τ, seconds, ≥ 0.</param>
    public static double WindowVol(double dailyVol, double horizonSeconds) => dailyVol * Math.Sqrt(Math.Max(horizonSeconds, 0.0) / SecondsPerDay);

    /// <summary>The band half-width z·σ_τ at <paramref name="confidence"/>.</summary>
    /// <param name="windowVol">σ_τ.</param>
    /// <param name="confidence">In (0.5, 1).</param>
    public static double MoveBound(double windowVol, double confidence) => Normal.InvCDF(0.0, 1.0, confidence) * windowVol;

    /// <summary>
    /// The worst delta-gamma loss over |x| ≤ <paramref name="moveBound"/>: max(0, max over the band of −(D·x + ½·G·x²)),
    /// solved in closed form (the endpoints, and the stationary point −D/G when G &gt; 0 puts a maximum of the loss inside).
    /// </summary>
    /// <param name="dollarDelta">D = ∂V/∂x, USD per unit relative move.</param>
    /// <param name="dollarGamma">G = ∂²V/∂x², USD.</param>
    /// <param name="moveBound">Band half-width a ≥ 0.</param>
    /// <returns>USD, ≥ 0.</returns>
    public static double Loss(double dollarDelta, double dollarGamma, double moveBound)
    {
        double a = Math.Max(moveBound, 0.0);
        double Loss(double x) => -(dollarDelta * x + 0.5 * dollarGamma * x * x);
        double worst = Math.Max(Loss(a), Loss(-a));
        if (dollarGamma > 0)
        {
            double x = Math.Clamp(-dollarDelta / dollarGamma, -a, a);
            worst = Math.Max(worst, Loss(x));
        }

        return Math.Max(worst, 0.0);
    }

    /// <summary>EWMA daily vol of log returns (RiskMetrics, zero mean): σ² = Σ wₖ·r²_{n−k} with wₖ ∝ λᵏ normalised to sum 1, newest first.</summary>
    /// <param name="logReturns">Daily log returns, oldest first; at least one.</param>
    /// <param name="lambda">Decay λ in (0, 1).</param>
    /// <returns>σ_daily.</returns>
    public static double EwmaDailyVol(IReadOnlyList<double> logReturns, double lambda)
    {
        ArgumentNullException.ThrowIfNull(logReturns);
        if (logReturns.Count == 0) throw new ArgumentException("Give at least one return.", nameof(logReturns));
        if (!(lambda is > 0.0 and < 1.0)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "Must be in (0, 1).");
        // The one-asset case of the RiskMetrics EWMA covariance the VaR methods use (zero mean, weights normalised).
        var returns = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(logReturns.Count, 1, (t, _) => logReturns[t]);
        return Math.Sqrt(Risk.Var.ReturnCovariance.Ewma(returns, lambda)[0, 0]);
    }
}
