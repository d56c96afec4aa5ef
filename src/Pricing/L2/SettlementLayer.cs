
namespace Analytics.Pricing.L2;

/// <summary>Where the proceeds of an L2 trade settle (API.md <c>l2.settlement</c>).</summary>
public enum SettlementLayer
{
    /// <summary><c>l2</c>: proceeds settle on the L2 itself, δ = 0 (API.md's default, listed first).</summary>
    L2 = 0,

    /// <summary><c>l1</c>: proceeds must reach Ethereum L1, so they wait out the chain's withdrawal delay δ.</summary>
    L1 = 1,
}
