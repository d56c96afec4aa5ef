namespace Analytics.Pricing;

/// <summary>The units Greeks are written in (issue 14 item 8); <see cref="GreekUnitConversion"/> converts between them.</summary>
public enum GreekUnits
{
    /// <summary>Plain partial derivatives (<see cref="Greeks"/>): per 1.00 of vol, rate and carry, per year of calendar time.</summary>
    PerUnit = 0,

    /// <summary>
    /// The option venues' display units (Deribit's ticker Greeks): vega per vol point, theta and charm per calendar day,
    /// rho and carry rho per 1 % of rate; delta and gamma unchanged. See <see cref="GreekUnitConversion"/> for each factor.
    /// </summary>
    PerVolPointPerDay = 1,
}
