namespace Analytics.Data.Risk;

/// <summary>What a VaR run computes (API.md <c>POST /risk/var</c>); validated by the caller.</summary>
/// <param name="Method">The estimator.</param>
/// <param name="Confidence">c in (0.5, 1).</param>
/// <param name="HorizonDays">h, 1–250 days.</param>
/// <param name="LookbackDays">Calendar days of returns: those ending on the days before the as-of day, back this many days (days without a close of every underlying drop out).</param>
/// <param name="Scaling">Overlapping h-day returns or √h scaling of one-day figures (historical; the others scale the covariance by h).</param>
/// <param name="Covariance">Sample or EWMA (parametric, delta-gamma, Monte Carlo).</param>
/// <param name="Lambda">EWMA decay λ.</param>
/// <param name="Paths">Monte Carlo paths (even: antithetic pairs).</param>
/// <param name="Seed">Monte Carlo seed.</param>
/// <param name="VolModel">How option vols move in the scenarios (held, or sticky moneyness).</param>
public sealed record VarSpecification(
    VarMethod Method,
    double Confidence = 0.99,
    int HorizonDays = 1,
    int LookbackDays = 365,
    HorizonScaling Scaling = HorizonScaling.Overlapping,
    CovarianceEstimator Covariance = CovarianceEstimator.Sample,
    double Lambda = 0.94,
    int Paths = 10_000,
    int Seed = 1,
    VolModel VolModel = VolModel.Held);
