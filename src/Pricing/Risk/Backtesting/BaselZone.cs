namespace Analytics.Pricing.Risk.Backtesting;

/// <summary>The Basel Committee's backtesting traffic-light zone (Basel Committee on Banking Supervision 1996, Table 2).</summary>
public enum BaselZone
{
    /// <summary>The exception count is consistent with an accurate model (cumulative binomial probability below 95 %).</summary>
    Green = 0,

    /// <summary>Inconclusive: cumulative probability from 95 % to below 99.99 %; a plus factor applies.</summary>
    Yellow = 1,

    /// <summary>The model is almost certainly inaccurate: cumulative probability 99.99 % or more.</summary>
    Red = 2,
}
