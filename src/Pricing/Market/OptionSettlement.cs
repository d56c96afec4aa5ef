namespace Analytics.Pricing.Market;

/// <summary>
/// How an option settles at exercise, as instruments carry it (<c>cash</c> or <c>physical</c>): in cash, the payoff
/// in the quote currency; physically, delivery of the underlying against the strike. Both have the same value under
/// the models here (Hull, <i>Options, Futures, and Other Derivatives</i>, 8th ed. 2012, §17.5); the distinction
/// matters for margin and delivery risk.
/// </summary>
public enum OptionSettlement
{
    /// <summary>Settled in cash: the holder receives the payoff max(ω(S_T − K), 0) in the quote currency.</summary>
    Cash = 0,

    /// <summary>Settled by delivery of the underlying against payment of the strike.</summary>
    Physical = 1,
}
