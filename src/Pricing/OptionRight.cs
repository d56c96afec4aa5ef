namespace Analytics.Pricing;

/// <summary>
/// The right an option holder has at expiry: to buy (call) or to sell (put) the underlying at the
/// strike. Payoffs per unit of underlying: call max(S_T − K, 0), put max(K − S_T, 0)
/// (Hull, <i>Options, Futures, and Other Derivatives</i>, 8th ed. 2012; Haug 2007, §1.1).
/// </summary>
public enum OptionRight
{
    /// <summary>Right to buy the underlying at the strike; payoff max(S_T − K, 0).</summary>
    Call = 0,

    /// <summary>Right to sell the underlying at the strike; payoff max(K − S_T, 0).</summary>
    Put = 1,
}
