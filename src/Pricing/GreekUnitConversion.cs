namespace Analytics.Pricing;

/// <summary>
/// Converts per-unit <see cref="Greeks"/> into <see cref="GreekUnits.PerVolPointPerDay"/>, the units the crypto option
/// venues show (Deribit's ticker: vega "per 1 % change in volatility", theta per day). Exact divisions, one pure
/// function every endpoint calls:
/// <list type="table">
/// <item><term>delta, gamma</term><description>unchanged (per 1.00 of spot)</description></item>
/// <item><term>vega</term><description>÷ 100: per vol point (σ + 0.01)</description></item>
/// <item><term>theta</term><description>÷ 365: per calendar day (Act/365F, the tenor's day count)</description></item>
/// <item><term>rho, carryRho</term><description>÷ 100: per 1 % of rate (of carry)</description></item>
/// <item><term>vanna</term><description>÷ 100: change of delta per vol point</description></item>
/// <item><term>volga</term><description>÷ 10,000: change of the per-vol-point vega per vol point</description></item>
/// <item><term>charm</term><description>÷ 365: change of delta per calendar day</description></item>
/// </list>
/// Checked against Deribit's published ticker Greeks (shared data <c>deribit_btc_options_20200514.csv</c>): vega, theta
/// and rho of a plain Black-Scholes price on the venue's forward with r = 0 match to the venue's rounding. Deribit
/// shows, on an option's last day, the theta over its remaining life when that is less than a day; this conversion
/// does not: it is the derivative ÷ 365.
/// </summary>
public static class GreekUnitConversion
{
    /// <summary>Days per year of the day count (Act/365F).</summary>
    public const double DaysPerYear = 365.0;

    /// <summary>Per-unit vol (or rate) changes per vol point (or per 1 %).</summary>
    public const double PointsPerUnit = 100.0;

    /// <summary><paramref name="perUnit"/> in <paramref name="units"/>.</summary>
    public static Greeks Convert(Greeks perUnit, GreekUnits units) => units switch
    {
        GreekUnits.PerUnit => perUnit,
        GreekUnits.PerVolPointPerDay => new Greeks(
            perUnit.Delta,
            perUnit.Gamma,
            perUnit.Vega / PointsPerUnit,
            perUnit.Theta / DaysPerYear,
            perUnit.Rho / PointsPerUnit,
            perUnit.CarryRho / PointsPerUnit,
            perUnit.Vanna / PointsPerUnit,
            perUnit.Volga / (PointsPerUnit * PointsPerUnit),
            perUnit.Charm / DaysPerYear),
        _ => throw new ArgumentOutOfRangeException(nameof(units), units, "not a Greek unit"),
    };
}
