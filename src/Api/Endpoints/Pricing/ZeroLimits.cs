namespace Analytics.Api.Endpoints.Pricing;

/// <summary>Which inputs a price request may give as 0, to be priced at their closed-form limit
/// (<see cref="Analytics.Pricing.Limits.VanillaOptionLimits"/>); the others must be &gt; 0.</summary>
[Flags]
internal enum ZeroLimits
{
    /// <summary>Every price, the tenor and the vol must be &gt; 0 (implied vol, whose price carries no information at a limit).</summary>
    None = 0,

    /// <summary>Tenor 0 (expiry at the valuation time) is the expiry instant, priced at intrinsic.</summary>
    Tenor = 1,

    /// <summary>Strike 0.</summary>
    Strike = 2,

    /// <summary>Spot or forward 0.</summary>
    Underlying = 4,

    /// <summary>Vol 0, the deterministic limit.</summary>
    Vol = 8,

    /// <summary>Every limit: price and batch, with or without <c>l2</c>, and the L2 comparison (the L2 model prices every limit,
    /// its Leland spread vanishing at σ = 0 and S = 0; <see cref="Analytics.Pricing.L2.L2VanillaOptionPricer"/>).</summary>
    All = Tenor | Strike | Underlying | Vol,
}
