namespace Analytics.Api.Contracts.L2;

/// <summary>Which gas cost per transaction an L2 price uses (API.md: pricing requests accept <c>"gas": "observed"</c>).</summary>
public enum GasSource
{
    /// <summary>The chain profile's <c>gasCostUsd</c>, or the request's <c>l2.gasCostUsd</c> override.</summary>
    Configured,

    /// <summary>The median USD gas per trade the on-chain indexer stored for the chain over the last 24 hours.</summary>
    Observed,
}
