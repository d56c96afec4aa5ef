namespace Analytics.Pricing.QuantLib;

/// <summary>
/// A European option on term structures, for <see cref="QuantLibGateway.PriceEuropeanOnTermStructures"/>:
/// continuously compounded zero-rate curves (linear in the zero rate, Actual/365 Fixed, QuantLib's
/// <c>ZeroCurve</c>) and a Black vol surface (bilinear in total variance, QuantLib's
/// <c>BlackVarianceSurface</c> on the TARGET calendar). The first curve date is the valuation date.
/// </summary>
/// <param name="Right">Call or put.</param>
/// <param name="Spot">Spot S, &gt; 0.</param>
/// <param name="Strike">Strike K, &gt; 0.</param>
/// <param name="ValuationDate">QuantLib's evaluation date and the curves' reference date.</param>
/// <param name="ExpiryDate">Expiry (European exercise).</param>
/// <param name="CurveDates">Node dates of both zero curves, ascending, the first equal to <paramref name="ValuationDate"/>.</param>
/// <param name="RiskFreeZeroRates">Risk-free zero rates r at <paramref name="CurveDates"/>.</param>
/// <param name="DividendZeroRates">Dividend-yield zero rates q at <paramref name="CurveDates"/>.</param>
/// <param name="VolDates">Expiry dates of the vol surface columns, ascending, after the valuation date.</param>
/// <param name="VolStrikes">Strikes of the vol surface rows, ascending.</param>
/// <param name="Vols">Black vols, [strike row, date column].</param>
internal sealed record QuantLibTermStructureScenario(
    OptionRight Right,
    double Spot,
    double Strike,
    DateOnly ValuationDate,
    DateOnly ExpiryDate,
    IReadOnlyList<DateOnly> CurveDates,
    IReadOnlyList<double> RiskFreeZeroRates,
    IReadOnlyList<double> DividendZeroRates,
    IReadOnlyList<DateOnly> VolDates,
    IReadOnlyList<double> VolStrikes,
    double[,] Vols);
