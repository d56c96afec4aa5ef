using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

/// <summary>
/// Makes a raw SVI surface free of calendar-spread arbitrage — total variance w(k, T) non-decreasing in T at every
/// log-moneyness k (Gatheral &amp; Jacquier 2014, Lemma 2.1) — while keeping every slice free of butterfly arbitrage, and
/// records per slice what the butterfly and calendar repairs did and whether they kept to the quotes (<see cref="SliceRepair"/>).
/// </summary>
/// <remarks>
/// <para>Crossing is tested on a dense uniform grid (<see cref="DenseGridPoints"/> points over ±1.25·L, L the half-width of
/// the butterfly grid of <see cref="ArbitrageDiagnostics"/>, which covers every slice's quoted range and its wings) and
/// beyond it through the asymptotic wing slopes b(1 ± ρ), which must not fall with tenor (Lee's bound caps them at 2).</para>
/// <para>Sweep from the longest slice down: the longest expiries are the best determined, so a shorter slice that crosses
/// its longer neighbour is refitted below it (<see cref="ConstrainedSviRefit"/>: the penalty method of Gatheral &amp;
/// Jacquier 2014, §5.2, then an exact shift of the level a). If that would move a fitted vol outside its quote's
/// bid/ask ± half-width, the longer neighbour is refitted above the shorter one instead (kept under its own longer
/// neighbour); if neither stays within the quotes, the first is kept and the slice reports
/// <see cref="RepairOutcome.OutsideQuoteBound"/>.</para>
/// </remarks>
internal static class SviCalendarRepair
{
    /// <summary>Points of the dense crossing grid.</summary>
    internal const int DenseGridPoints = 2_001;

    private const int PenaltyGridPoints = 81;
    private const double GridMargin = 1.25;

    /// <summary>Repaired parameters and what was done, per slice in the input order.</summary>
    internal readonly record struct Result(ImmutableArray<SviParameters> Parameters, ImmutableArray<SliceRepair> Repairs);

    /// <summary>Applies the quote bound to the butterfly repairs and, when enabled, repairs calendar arbitrage.</summary>
    /// <param name="smiles">Market smiles by ascending expiry.</param>
    /// <param name="fits">Their raw SVI fits (calibrated).</param>
    /// <param name="calibrator">The calibrator that made the fits (weights and settings).</param>
    internal static Result Repair(IReadOnlyList<MarketSmile> smiles, IReadOnlyList<SviSliceFit> fits, RawSviCalibrator calibrator)
    {
        int n = smiles.Count;
        var parameters = fits.Select(f => f.Parameters).ToArray();
        var butterfly = new RepairOutcome[n];
        var calendar = new RepairOutcome[n];
        var excess = new double[n];
        var excessK = Enumerable.Repeat(double.NaN, n).ToArray();
        for (int i = 0; i < n; i++)
        {
            var fit = fits[i];
            if (!fit.ButterflyRepaired)
            {
                continue;
            }

            var (increase, k) = QuoteBand.WorstIncrease(smiles[i], fit.UnrepairedParameters, fit.Parameters);
            butterfly[i] = fit.Butterfly is { IsArbitrageFree: false } ? RepairOutcome.Unresolved
                : increase > QuoteBand.Tolerance ? RepairOutcome.OutsideQuoteBound : RepairOutcome.Repaired;
            Record(i, increase, k);
        }

        if (calibrator.Options.RepairCalendar && n > 1)
        {
            double half = GridMargin * parameters.Max(p => Math.Max(ArbitrageDiagnostics.MinimumHalfWidth, 6.0 * Math.Sqrt(Math.Max(p.TotalVariance(0.0), 0.0))));
            var dense = Uniform(-half, half, DenseGridPoints);
            var coarse = Uniform(-half, half, PenaltyGridPoints);
            for (int i = n - 2; i >= 0; i--)
            {
                if (!Crosses(parameters[i], parameters[i + 1], dense))
                {
                    continue;
                }

                var lowered = Refit(i, null, parameters[i + 1]);
                var (downIncrease, downK) = Bound(i, lowered);
                if (lowered is { } l && downIncrease <= QuoteBand.Tolerance)
                {
                    Accept(i, l, RepairOutcome.Repaired, downIncrease, downK);
                    continue;
                }

                SviParameters? ceiling = i + 2 < n ? parameters[i + 2] : null;
                var raised = Refit(i + 1, parameters[i], ceiling);
                var (upIncrease, upK) = Bound(i + 1, raised);
                if (raised is { } r && upIncrease <= QuoteBand.Tolerance)
                {
                    Accept(i + 1, r, RepairOutcome.Repaired, upIncrease, upK);
                }
                else if (lowered is { } fallback)
                {
                    Accept(i, fallback, RepairOutcome.OutsideQuoteBound, downIncrease, downK);
                }
                else
                {
                    calendar[i] = RepairOutcome.Unresolved;
                }
            }

            SviParameters? Refit(int slice, SviParameters? floor, SviParameters? ceiling)
            {
                var (k, w, omega) = calibrator.Targets(smiles[slice]);
                var refit = new ConstrainedSviRefit(k, w, omega, calibrator.Options.MaximumWingSlope, floor, ceiling, coarse);
                var candidate = refit.Run(parameters[slice]);
                if (refit.ShiftIntoNeighbours(candidate, dense) is not { } shifted
                    || ceiling is { } c && Crosses(shifted, c, dense) || floor is { } f && Crosses(f, shifted, dense)
                    || !ArbitrageDiagnostics.Diagnose(shifted).IsArbitrageFree)
                {
                    return null;
                }

                return shifted;
            }

            (double Increase, double K) Bound(int slice, SviParameters? candidate) =>
                candidate is { } p ? QuoteBand.WorstIncrease(smiles[slice], parameters[slice], p) : (double.PositiveInfinity, double.NaN);

            void Accept(int slice, SviParameters p, RepairOutcome outcome, double increase, double k)
            {
                parameters[slice] = p;
                calendar[slice] = outcome;
                Record(slice, increase, k);
            }
        }

        var repairs = Enumerable.Range(0, n).Select(i =>
            new SliceRepair(butterfly[i], calendar[i], 100.0 * excess[i], excessK[i])).ToImmutableArray();
        return new Result([.. parameters], repairs);

        void Record(int slice, double increase, double k)
        {
            if (increase > excess[slice])
            {
                excess[slice] = increase;
                excessK[slice] = k;
            }
        }
    }

    /// <summary>Whether <paramref name="near"/> lies above <paramref name="far"/> anywhere on the grid or in the asymptotic wings.</summary>
    internal static bool Crosses(SviParameters near, SviParameters far, double[] grid)
    {
        if (near.LeftWingSlope > far.LeftWingSlope + 1e-12 || near.RightWingSlope > far.RightWingSlope + 1e-12)
        {
            return true;
        }

        foreach (double k in grid)
        {
            double wFar = far.TotalVariance(k);
            if (near.TotalVariance(k) - wFar > 1e-12 * (1.0 + Math.Abs(wFar)))
            {
                return true;
            }
        }

        return false;
    }

    private static double[] Uniform(double from, double to, int points) =>
        Enumerable.Range(0, points).Select(i => from + (to - from) * i / (points - 1)).ToArray();
}
