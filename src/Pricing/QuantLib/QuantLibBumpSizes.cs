#if QUANTLIB_BINDINGS
namespace Analytics.Pricing.QuantLib;

/// <summary>
/// Bump sizes for the Greeks a QuantLib engine does not provide: smaller for closed forms, larger for
/// lattices and grids whose prices carry discretisation noise. Spot and tenor bumps are relative.
/// </summary>
/// <param name="RelativeSpot">h_S / S.</param>
/// <param name="Volatility">h_σ, absolute (capped at σ/2).</param>
/// <param name="RelativeTenor">h_T / T.</param>
/// <param name="Rate">h_r = h_b, absolute.</param>
internal readonly record struct QuantLibBumpSizes(double RelativeSpot, double Volatility, double RelativeTenor, double Rate)
{
    internal static QuantLibBumpSizes For(QuantLibEngine engine) => engine switch
    {
        QuantLibEngine.QuantLibAnalytic => new(1e-4, 1e-5, 1e-5, 1e-5),
        QuantLibEngine.QuantLibBaw or QuantLibEngine.QuantLibBjerksundStensland or QuantLibEngine.QuantLibQdFp => new(1e-3, 1e-4, 1e-4, 1e-5),
        _ => new(1e-2, 1e-3, 1e-3, 1e-4),
    };
}
#endif
