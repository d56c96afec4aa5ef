namespace Analytics.Pricing.Structures;

/// <summary>
/// The structure templates of API.md (<c>POST /api/v1/structures/price</c>); the legs of each, per unit of
/// quantity and with strikes ascending as given, follow that table exactly (see <see cref="StructureBuilder"/>).
/// Textbook definitions: Hull, <i>Options, Futures, and Other Derivatives</i>, 8th ed. 2012, ch. 12
/// ("Trading strategies involving options"); Natenberg, <i>Option Volatility and Pricing</i>, 2nd ed. 2015, ch. 11.
/// </summary>
public enum StructureTemplate
{
    /// <summary><c>call-spread</c>: +1 call K1, −1 call K2 (bull call spread).</summary>
    CallSpread = 0,

    /// <summary><c>put-spread</c>: +1 put K2, −1 put K1 (bear put spread).</summary>
    PutSpread = 1,

    /// <summary><c>butterfly</c>: +1 K1, −2 K2, +1 K3 of the given type.</summary>
    Butterfly = 2,

    /// <summary><c>iron-butterfly</c>: −1 put K2, −1 call K2, +1 put K1, +1 call K3.</summary>
    IronButterfly = 3,

    /// <summary><c>condor</c>: +1 K1, −1 K2, −1 K3, +1 K4 of the given type.</summary>
    Condor = 4,

    /// <summary><c>iron-condor</c>: +1 put K1, −1 put K2, −1 call K3, +1 call K4.</summary>
    IronCondor = 5,

    /// <summary><c>straddle</c>: +1 call K, +1 put K.</summary>
    Straddle = 6,

    /// <summary><c>strangle</c>: +1 put K1, +1 call K2.</summary>
    Strangle = 7,

    /// <summary><c>risk-reversal</c>: +1 call K2, −1 put K1 (long upside).</summary>
    RiskReversal = 8,

    /// <summary><c>collar</c>: −1 call K2, +1 put K1 (options only; the underlying held is not a leg).</summary>
    Collar = 9,

    /// <summary><c>calendar</c>: −1 of the given type at K and the near tenor, +1 at K and the far tenor.</summary>
    Calendar = 10,

    /// <summary>
    /// <c>diagonal</c>: a calendar with the strikes apart, the long far leg the further in the money. Calls: −1 call K2 at
    /// the near tenor, +1 call K1 at the far tenor; puts: −1 put K1 at the near tenor, +1 put K2 at the far tenor
    /// </summary>
    Diagonal = 11,
}
