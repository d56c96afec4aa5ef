namespace Analytics.Pricing;

/// <summary>
/// The currency an option premium is quoted or wanted in: USD, or the underlying (inverse, coin-margined options, as
/// Deribit quotes them; <see cref="InversePremium"/>). One enum for quotes, requests and responses.
/// </summary>
public enum PremiumCurrency
{
    /// <summary>Premium in USD (the strike currency) per unit of underlying.</summary>
    Usd = 0,

    /// <summary>
    /// Premium in units of the underlying per unit of underlying (inverse options, as Deribit quotes them):
    /// USD premium = premium × forward of that expiry (Deribit, "Inverse options" documentation).
    /// </summary>
    Underlying = 1,
}
