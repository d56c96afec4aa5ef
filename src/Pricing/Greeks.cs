namespace Analytics.Pricing;

/// <summary>
/// Per-unit sensitivities of an option price V (in the price's currency per unit of underlying),
/// as plain partial derivatives of V, following the API contract's conventions
/// (docs: API.md "Pricing"; formulas: Haug, <i>The Complete Guide to Option Pricing Formulas</i>,
/// 2nd ed. 2007, ch. 2). Time t is calendar time in years (tenor T = expiry − t), volatility σ and
/// rates are annualised decimals, rates continuously compounded. No Greek is scaled per 1 % or per
/// day; divide by 100 or 365 at the presentation layer if required.
/// </summary>
/// <param name="Delta">∂V/∂S: change of price per 1.00 change of the spot (or of the forward for Black-76).</param>
/// <param name="Gamma">∂²V/∂S²: change of delta per 1.00 change of the spot, per unit of underlying.</param>
/// <param name="Vega">∂V/∂σ: change of price per 1.00 (= 100 vol points) change of volatility.</param>
/// <param name="Theta">∂V/∂t: change of price per year of calendar time passing, everything else fixed;
/// negative for a decaying long option (QuantLib's <c>theta()</c> convention, per year, not per day).</param>
/// <param name="Rho">∂V/∂r: change of price per 1.00 change of the continuously compounded rate r, with the
/// dividend yield held fixed: when the carry is r − q the carry b moves with r; with an explicit carry (or
/// Black-76) b is held fixed and Rho = −T·V.</param>
/// <param name="CarryRho">∂V/∂b: change of price per 1.00 change of the cost of carry b, with r fixed
/// (Haug 2007, ch. 2, "carry rho"; equals minus the dividend-yield rho ∂V/∂q when b = r − q).</param>
/// <param name="Vanna">∂²V/∂S∂σ: change of delta per 1.00 change of volatility.</param>
/// <param name="Volga">∂²V/∂σ²: change of vega per 1.00 change of volatility (also "vomma").</param>
/// <param name="Charm">∂Δ/∂t: change of delta per year of calendar time passing (same time convention as Theta).</param>
public readonly record struct Greeks(
    double Delta,
    double Gamma,
    double Vega,
    double Theta,
    double Rho,
    double CarryRho,
    double Vanna,
    double Volga,
    double Charm);
