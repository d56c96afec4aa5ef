namespace Analytics.Pricing.Surfaces;

/// <summary>The currency an option premium is quoted in.</summary>
public enum QuotePremiumCurrency
{
    /// <summary>Premium in USD (the strike currency) per unit of underlying.</summary>
    Usd = 0,

    /// <summary>
    /// Premium in units of the underlying per unit of underlying (inverse options, as Deribit quotes them):
    /// USD premium = premium × forward of that expiry (Deribit, "Inverse options" documentation).
    /// </summary>
    Underlying = 1,
}
