using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

/// <summary>One fitted expiry slice of a <see cref="VolatilitySurface"/> (API.md: <c>slices</c>).</summary>
/// <param name="ExpiryUtc">Expiry instant.</param>
/// <param name="TenorYears">T in years, Act/365F from the surface's as-of instant.</param>
/// <param name="Forward">Slice forward F_T in USD.</param>
/// <param name="ForwardSource">Where the forward came from.</param>
/// <param name="DiscountFactor">DF = e^{−rT}.</param>
/// <param name="Parameters">Raw SVI parameters (for an SSVI surface, the slice's exact raw SVI form).</param>
/// <param name="RmseVolPoints">RMSE of model vol − mid vol over the two-sided <paramref name="Points"/>, vol points (see <see cref="Quality"/> for the split by quoted range and against venue marks).</param>
/// <param name="Points">Market points with model vols, by ascending log-moneyness.</param>
/// <param name="Butterfly">Butterfly and Lee diagnosis of <paramref name="Parameters"/>.</param>
/// <param name="ButterflyRepaired">Whether the raw SVI fit needed the butterfly repair (<see cref="SviSliceFit.ButterflyRepaired"/>).</param>
/// <param name="Elapsed">Wall time of this slice's raw SVI calibration.</param>
/// <param name="Repair">
/// The butterfly and calendar repairs of a raw SVI slice and whether they kept to the quotes; null when not recorded (an SSVI
/// slice, or a slice stored before repairs were recorded).
/// </param>
public sealed record SurfaceSlice(
    DateTimeOffset ExpiryUtc,
    double TenorYears,
    double Forward,
    ForwardSource ForwardSource,
    double DiscountFactor,
    SviParameters Parameters,
    double RmseVolPoints,
    ImmutableArray<SurfacePointFit> Points,
    ButterflyDiagnosis Butterfly,
    bool ButterflyRepaired,
    TimeSpan Elapsed,
    SliceRepair? Repair = null)
{
    /// <summary>Fit errors against venue marks and mids, inside the quoted range and in the wings apart (issue 13 item 5).</summary>
    public FitQuality Quality => FitQuality.Of(Points);

    /// <summary>Smallest log-moneyness of the two-sided points (start of the quoted range); NaN when there is none.</summary>
    public double QuotedRangeFrom => Points.Any(p => p.IsTwoSided) ? Points.Where(p => p.IsTwoSided).Min(p => p.LogMoneyness) : double.NaN;

    /// <summary>Largest log-moneyness of the two-sided points (end of the quoted range); NaN when there is none.</summary>
    public double QuotedRangeTo => Points.Any(p => p.IsTwoSided) ? Points.Where(p => p.IsTwoSided).Max(p => p.LogMoneyness) : double.NaN;

    /// <summary>Whether a repair broke the quote bound or left arbitrage (<see cref="SliceRepair.IsFailing"/>).</summary>
    public bool IsFailing => Repair?.IsFailing ?? false;

    /// <summary>
    /// RMSE of model vol − venue mark vol over the points that carry a venue mark, vol points; NaN when none does.
    /// </summary>
    public double VenueRmseVolPoints
    {
        get
        {
            var d = Points.Where(p => double.IsFinite(p.VenueMarkVol)).Select(p => p.VenueDifferenceVolPoints).ToArray();
            return d.Length == 0 ? double.NaN : Math.Sqrt(d.Average(x => x * x));
        }
    }

    /// <summary>
    /// Implied lognormal vol of this slice at log-moneyness k: σ(k) = √(max(w(k), 0) / T) with the slice's raw SVI total
    /// variance w (Gatheral 2004) and <see cref="TenorYears"/>; a negative w (an arbitrageable slice) reads as zero vol.
    /// </summary>
    /// <param name="logMoneyness">k = ln(K / F_T) with the slice forward <see cref="Forward"/>.</param>
    /// <returns>Annualised decimal vol (0.8 = 80 %).</returns>
    public double LognormalVol(double logMoneyness) =>
        Math.Sqrt(Math.Max(Parameters.TotalVariance(logMoneyness), 0.0) / TenorYears);

    /// <summary>Implied lognormal vol of this slice at a strike: <see cref="LognormalVol(double)"/> at k = ln(K / F_T).</summary>
    /// <param name="strike">Strike K in USD, &gt; 0.</param>
    /// <returns>Annualised decimal vol.</returns>
    public double LognormalVolAtStrike(double strike)
    {
        Guard.PositiveFinite(strike, nameof(strike));
        return LognormalVol(Math.Log(strike / Forward));
    }

    /// <summary>Builds a slice from a market smile and fitted parameters, computing the model vol at every point.</summary>
    internal static SurfaceSlice Create(
        MarketSmile smile, SviParameters parameters, ButterflyDiagnosis butterfly, bool repaired, TimeSpan elapsed,
        SliceRepair? repair = null)
    {
        var points = ImmutableArray.CreateBuilder<SurfacePointFit>(smile.Points.Length);
        foreach (var p in smile.Points)
        {
            double model = Math.Sqrt(Math.Max(parameters.TotalVariance(p.LogMoneyness), 0.0) / smile.TenorYears);
            points.Add(new SurfacePointFit(p.Strike, p.Right, p.LogMoneyness, p.BidVol, p.AskVol, p.MidVol, model, p.VenueMarkVol,
                p.InQuotedRange));
        }

        var fits = points.MoveToImmutable();
        double rmse = FitErrorSummary.Of(fits).RmseVsMidVolPoints;
        return new SurfaceSlice(smile.ExpiryUtc, smile.TenorYears, smile.Forward, smile.ForwardSource, smile.DiscountFactor,
            parameters, rmse, fits, butterfly, repaired, elapsed, repair);
    }
}
