using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

/// <summary>
/// A fitted implied-volatility surface of one underlying at one as-of instant: SVI slices by expiry, their arbitrage
/// report and what was dropped on the way (API.md, Surfaces: <c>slices</c>, <c>arbitrage</c>).
/// </summary>
/// <remarks>
/// <para>Raw SVI surfaces (<see cref="SurfaceModel.Svi"/>) interpolate in tenor linearly in total variance at fixed
/// log-moneyness k = ln(K/F_T): w(k, T) = w₁(k) + (T − T₁)/(T₂ − T₁)·(w₂(k) − w₁(k)) between slices T₁ ≤ T ≤ T₂. When
/// both slices are free of calendar arbitrage (w₂ ≥ w₁ at every k) so is the interpolant (Gatheral &amp; Jacquier 2014,
/// Lemma 2.1). Extrapolation: before the first slice w(k, T) = w₁(k)·T/T₁ (constant implied vol at fixed k, total
/// variance → 0 as T → 0); after the last, w(k, T) = w_N(k)·T/T_N. Both keep total variance non-decreasing in T.</para>
/// <para>SSVI and eSSVI surfaces (<see cref="SurfaceModel.Ssvi"/>, <see cref="SurfaceModel.Essvi"/>), whose slices are
/// SSVI smiles (θ = w(0), ρ, ψ = 2b of the raw form), interpolate the slice parameters instead, as Corbetta, Cohort,
/// Laachir &amp; Martini (2019, §4) do: θ, ψ and ρψ linear in T between slices, so the interpolated smile is again an SSVI
/// smile. Each of ψ(1 ± ρ), θ and ψ·ψ(1 ± ρ) − 4θ is linear or convex along the segment, and ψ/θ monotone, so Theorem
/// 4.2's butterfly conditions and <see cref="EssviSlice.PrecedesWithoutCalendarArbitrage"/> hold between any two tenors
/// when they hold at the slices: the interpolated surface is free of static arbitrage (linear interpolation of w at fixed
/// k would keep the calendar order but not, in general, a non-negative density). Before the first slice w = w₁·T/T₁ as
/// above (θ and ψ scaled together: the same slice family); after the last, θ = θ_N·T/T_N with ψ and ρ held (the
/// extrapolation of Corbetta et al.; scaling ψ with T would eventually break Lee's bound ψ(1 + |ρ|) ≤ 4).</para>
/// <para>Forwards between slices: ln F linear in T; flat (F₁ or F_N) outside the slices.</para>
/// <para>Immutable and thread-safe; queries are pure.</para>
/// </remarks>
/// <param name="AsOfUtc">Valuation instant.</param>
/// <param name="Model">Parameterisation used.</param>
/// <param name="Slices">Fitted slices by ascending expiry (at least one).</param>
/// <param name="Arbitrage">Butterfly, Lee and calendar diagnostics of the slices.</param>
/// <param name="Ssvi">The SSVI fit when <paramref name="Model"/> is <see cref="SurfaceModel.Ssvi"/>; otherwise null (an eSSVI
/// surface's parameters are its slices': θ = w(0), ρ, ψ = 2b of each raw form).</param>
/// <param name="QuotesIn">Quotes received.</param>
/// <param name="DroppedByReason">Quotes dropped, per reason.</param>
/// <param name="Elapsed">Wall time of the whole calibration, including quote preparation and diagnostics.</param>
public sealed record VolatilitySurface(
    DateTimeOffset AsOfUtc,
    SurfaceModel Model,
    ImmutableArray<SurfaceSlice> Slices,
    ArbitrageReport Arbitrage,
    SsviFit? Ssvi,
    int QuotesIn,
    ImmutableSortedDictionary<QuoteDropReason, int> DroppedByReason,
    TimeSpan Elapsed)
{
    /// <summary>Median of the slices' <see cref="SurfaceSlice.RmseVolPoints"/>, vol points.</summary>
    public double MedianRmseVolPoints => Median(Slices.Select(s => s.RmseVolPoints));

    /// <summary>
    /// Fit errors of the whole surface against venue marks and mids, quoted range and wings apart: medians over slices of
    /// the slice RMSEs, largest of the slice maxima (<see cref="FitQuality.AcrossSlices"/>).
    /// </summary>
    public FitQuality Quality => FitQuality.AcrossSlices([.. Slices.Select(s => s.Quality)]);

    /// <summary>Whether the calendar repair changed any slice (<see cref="SviCalendarRepair"/>).</summary>
    public bool CalendarRepaired => Slices.Any(s => s.Repair?.Calendar is RepairOutcome.Repaired or RepairOutcome.OutsideQuoteBound);

    /// <summary>Whether any slice failed its repairs' quote bound or kept arbitrage (<see cref="SurfaceSlice.IsFailing"/>).</summary>
    public bool HasFailingSlices => Slices.Any(s => s.IsFailing);

    /// <summary>Total implied variance w(k, T) = σ²T with the interpolation and extrapolation rules above.</summary>
    /// <param name="logMoneyness">k = ln(K / F_T).</param>
    /// <param name="tenorYears">T in years, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite or T ≤ 0.</exception>
    public double TotalVariance(double logMoneyness, double tenorYears)
    {
        Guard.Finite(logMoneyness, nameof(logMoneyness));
        Guard.PositiveFinite(tenorYears, nameof(tenorYears));
        var first = Slices[0];
        var last = Slices[^1];
        if (tenorYears <= first.TenorYears)
        {
            return first.Parameters.TotalVariance(logMoneyness) * tenorYears / first.TenorYears;
        }

        bool ssviFamily = Model is SurfaceModel.Ssvi or SurfaceModel.Essvi;
        if (tenorYears >= last.TenorYears)
        {
            if (ssviFamily)
            {
                var (theta, rhoPsi, psi) = SsviCoordinates(last.Parameters);
                return EssviSlice.TotalVariance(logMoneyness, theta * tenorYears / last.TenorYears, rhoPsi, psi);
            }

            return last.Parameters.TotalVariance(logMoneyness) * tenorYears / last.TenorYears;
        }

        int i = UpperIndex(tenorYears);
        var (lo, hi) = (Slices[i - 1], Slices[i]);
        double weight = (tenorYears - lo.TenorYears) / (hi.TenorYears - lo.TenorYears);
        if (ssviFamily)
        {
            var (theta1, rhoPsi1, psi1) = SsviCoordinates(lo.Parameters);
            var (theta2, rhoPsi2, psi2) = SsviCoordinates(hi.Parameters);
            return EssviSlice.TotalVariance(logMoneyness, theta1 + weight * (theta2 - theta1), rhoPsi1 + weight * (rhoPsi2 - rhoPsi1),
                psi1 + weight * (psi2 - psi1));
        }

        double w1 = lo.Parameters.TotalVariance(logMoneyness);
        return w1 + weight * (hi.Parameters.TotalVariance(logMoneyness) - w1);
    }

    /// <summary>Implied lognormal vol at log-moneyness and tenor, annualised decimal (API <c>logMoneyness</c>, <c>tenorYears</c>).</summary>
    /// <param name="logMoneyness">k = ln(K / F_T).</param>
    /// <param name="tenorYears">T in years, &gt; 0.</param>
    public double LognormalVol(double logMoneyness, double tenorYears) =>
        Math.Sqrt(Math.Max(TotalVariance(logMoneyness, tenorYears), 0.0) / tenorYears);

    /// <summary>Forward F(T) in USD: ln F linear in T between slices, flat outside.</summary>
    /// <param name="tenorYears">T in years, &gt; 0.</param>
    public double Forward(double tenorYears)
    {
        Guard.PositiveFinite(tenorYears, nameof(tenorYears));
        if (tenorYears <= Slices[0].TenorYears)
        {
            return Slices[0].Forward;
        }

        if (tenorYears >= Slices[^1].TenorYears)
        {
            return Slices[^1].Forward;
        }

        int i = UpperIndex(tenorYears);
        var (lo, hi) = (Slices[i - 1], Slices[i]);
        double weight = (tenorYears - lo.TenorYears) / (hi.TenorYears - lo.TenorYears);
        return Math.Exp(Math.Log(lo.Forward) + weight * (Math.Log(hi.Forward) - Math.Log(lo.Forward)));
    }

    /// <summary>Implied lognormal vol at a strike and tenor: k = ln(K / F(T)) with <see cref="Forward"/>.</summary>
    /// <param name="strike">Strike K in USD, &gt; 0.</param>
    /// <param name="tenorYears">T in years, &gt; 0.</param>
    public double LognormalVolAtStrike(double strike, double tenorYears)
    {
        Guard.PositiveFinite(strike, nameof(strike));
        return LognormalVol(Math.Log(strike / Forward(tenorYears)), tenorYears);
    }

    /// <summary>Implied lognormal vol at a strike and expiry instant (API <c>strike</c>, <c>expiry</c>); T is Act/365F from <see cref="AsOfUtc"/>.</summary>
    /// <param name="strike">Strike K in USD, &gt; 0.</param>
    /// <param name="expiryUtc">Expiry after <see cref="AsOfUtc"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The expiry is not after the as-of instant.</exception>
    public double LognormalVolAtStrike(double strike, DateTimeOffset expiryUtc) =>
        LognormalVolAtStrike(strike, SurfaceQuotePreparer.TenorYears(AsOfUtc, expiryUtc));

    /// <summary>Vols on a log-moneyness × tenor grid.</summary>
    /// <param name="logMoneyness">Grid of k values (finite).</param>
    /// <param name="tenorsYears">Grid of tenors in years (each &gt; 0).</param>
    /// <returns>The grid, row-major by tenor.</returns>
    public VolGrid ExportGrid(IReadOnlyList<double> logMoneyness, IReadOnlyList<double> tenorsYears)
    {
        ArgumentNullException.ThrowIfNull(logMoneyness);
        ArgumentNullException.ThrowIfNull(tenorsYears);
        var vols = ImmutableArray.CreateBuilder<double>(logMoneyness.Count * tenorsYears.Count);
        foreach (double t in tenorsYears)
        {
            foreach (double k in logMoneyness)
            {
                vols.Add(LognormalVol(k, t));
            }
        }

        return new VolGrid([.. logMoneyness], [.. tenorsYears], vols.MoveToImmutable());
    }

    /// <summary>
    /// The default export grid: k from −1 to 1 in steps of 0.05 (41 points) and the slices' own tenors.
    /// </summary>
    public VolGrid ExportGrid() =>
        ExportGrid(Enumerable.Range(0, 41).Select(i => -1.0 + 0.05 * i).ToArray(), Slices.Select(s => s.TenorYears).ToArray());

    /// <summary>(θ, ρψ, ψ) of a slice in SSVI raw form: θ = w(0), ψ = 2b.</summary>
    private static (double Theta, double RhoPsi, double Psi) SsviCoordinates(SviParameters p) =>
        (p.TotalVariance(0.0), 2.0 * p.B * p.Rho, 2.0 * p.B);

    private int UpperIndex(double tenorYears)
    {
        int i = 1;
        while (Slices[i].TenorYears < tenorYears)
        {
            i++;
        }

        return i;
    }

    private static double Median(IEnumerable<double> values)
    {
        var a = values.Where(double.IsFinite).ToArray();
        return a.Length == 0 ? double.NaN : PutCallParityForward.Median(a);
    }
}
