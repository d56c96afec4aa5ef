namespace Analytics.Api.Endpoints.Pricing;

/// <summary>Which inputs a price request may give as 0, to be priced at their closed-form limit
/// (<see cref="Analytics.Pricing.Limits.VanillaOptionLimits"/>); the others must be &gt; 0.</summary>
[Flags]
internal enum ZeroLimits
{
    /// <summary>Every price, the tenor and the vol must be &gt; 0 (implied vol, the L2 comparison).</summary>
    None = 0,

    /// <summary>Tenor 0 (expiry at the valuation time) is the expiry instant, priced at intrinsic.</summary>
    Tenor = 1,

    /// <summary>Strike 0.</summary>
    Strike = 2,

    /// <summary>Spot or forward 0.</summary>
    Underlying = 4,

    /// <summary>Vol 0, the deterministic limit.</summary>
    Vol = 8,

    /// <summary>Every limit (price and batch without <c>l2</c>).</summary>
    All = Tenor | Strike | Underlying | Vol,

    /// <summary>The limits the L2 model prices (price and batch with <c>l2</c>): its Leland spread needs σ &gt; 0 and its hedge
    /// notional S &gt; 0, but tenor and strike 0 are priced at their limit.</summary>
    L2 = Tenor | Strike,
}
