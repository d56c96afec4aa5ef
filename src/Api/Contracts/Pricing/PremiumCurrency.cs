namespace Analytics.Api.Contracts.Pricing;

/// <summary>The unit of a premium: USD, or the underlying (inverse, coin-margined options as Deribit quotes them).</summary>
public enum PremiumCurrency
{
    Usd,
    Underlying,
}
