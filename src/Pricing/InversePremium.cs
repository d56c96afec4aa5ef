namespace Analytics.Pricing;

/// <summary>
/// An option's value and Greeks in units of its underlying instead of the quote currency: U = V/S, the premium
/// of an inverse (coin-margined) option as Deribit quotes it, where S is the underlying price the option is written
/// on (the spot, or the forward under Black-76). The Greeks are the plain partial derivatives of U, by the quotient
/// rule, with S as the only variable that also enters the divisor:
/// ∂U/∂S = (Δ − U)/S, ∂²U/∂S² = (Γ − 2·∂U/∂S)/S, ∂²U/∂S∂σ = (vanna − vega/S)/S, ∂(∂U/∂S)/∂t = (charm − θ/S)/S,
/// and vega, theta, rho, carry rho and volga divided by S.
/// </summary>
public static class InversePremium
{
    /// <summary>V/S.</summary>
    /// <param name="value">Value in the quote currency per unit of underlying.</param>
    /// <param name="underlyingPrice">Underlying price S in the quote currency, &gt; 0.</param>
    /// <returns>The value in units of the underlying.</returns>
    public static double Value(double value, double underlyingPrice) => value / underlyingPrice;

    /// <summary>The Greeks of U = V/S from those of V (conventions of <see cref="Greeks"/>).</summary>
    /// <param name="value">V, quote currency per unit of underlying.</param>
    /// <param name="greeks">The Greeks of V.</param>
    /// <param name="underlyingPrice">Underlying price S, &gt; 0.</param>
    /// <returns>The Greeks of V/S.</returns>
    public static Greeks Of(double value, Greeks greeks, double underlyingPrice)
    {
        double s = underlyingPrice;
        double u = value / s;
        double delta = (greeks.Delta - u) / s;
        return new Greeks(
            Delta: delta,
            Gamma: (greeks.Gamma - 2.0 * delta) / s,
            Vega: greeks.Vega / s,
            Theta: greeks.Theta / s,
            Rho: greeks.Rho / s,
            CarryRho: greeks.CarryRho / s,
            Vanna: (greeks.Vanna - greeks.Vega / s) / s,
            Volga: greeks.Volga / s,
            Charm: (greeks.Charm - greeks.Theta / s) / s);
    }
}
