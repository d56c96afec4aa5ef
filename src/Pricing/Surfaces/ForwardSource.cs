namespace Analytics.Pricing.Surfaces;

/// <summary>Where the forward F_T of an expiry slice came from (PRODUCT.md §3.2, in order of preference).</summary>
public enum ForwardSource
{
    /// <summary>The venue's own forward for the expiry (Deribit <c>underlying_price</c>), median over the slice's quotes.</summary>
    Venue = 0,

    /// <summary>Robust put-call parity regression over the strikes where both rights are quoted (<see cref="PutCallParityForward"/>).</summary>
    PutCallParity = 1,

    /// <summary>The caller's carry model F = S·e^{bT} (<see cref="CarryForwardModel"/>).</summary>
    CarryModel = 2,
}
