
namespace Analytics.Pricing.L2;

/// <summary>What kind of chain a profile describes; it sets how long withdrawals to L1 wait.</summary>
public enum RollupKind
{
    /// <summary>Ethereum itself: no withdrawal delay.</summary>
    L1,

    /// <summary>Optimistic rollup: withdrawals wait out a fraud-proof challenge window (about 7 days).</summary>
    Optimistic,

    /// <summary>Zero-knowledge rollup: withdrawals wait for a validity proof (hours).</summary>
    Zk,
}
