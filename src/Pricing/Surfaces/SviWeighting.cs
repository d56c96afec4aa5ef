namespace Analytics.Pricing.Surfaces;

/// <summary>How the quotes of a slice are weighted in the SVI least squares (PRODUCT.md §3.2: "weights from bid/ask or vega").</summary>
/// <remarks>
/// The fit is in total variance w = σ²T; a residual Δw is a vol error Δσ ≈ Δw/(2σT). Every weighting therefore starts
/// from 1/(2σᵢT)², which makes the objective a vol-point least squares, and multiplies it by a per-quote confidence.
/// </remarks>
public enum SviWeighting
{
    /// <summary>Inverse squared half bid/ask spread in vol, 1/hᵢ² with hᵢ = max((σ_ask − σ_bid)/2, floor): tight quotes count most.</summary>
    BidAskSpread = 0,

    /// <summary>Squared Black vega: minimises price errors rather than vol errors (Δprice ≈ vega·Δσ).</summary>
    Vega = 1,

    /// <summary>Equal weight on every quote's vol error.</summary>
    Uniform = 2,
}
