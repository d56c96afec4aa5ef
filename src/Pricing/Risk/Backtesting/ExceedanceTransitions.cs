namespace Analytics.Pricing.Risk.Backtesting;

/// <summary>
/// Counts of day-to-day transitions of a VaR exceedance series (Christoffersen 1998): N_ij is the number of days in state
/// j after a day in state i, 1 meaning an exceedance. A series of T days has T − 1 transitions.
/// </summary>
/// <param name="N00">No exceedance after no exceedance.</param>
/// <param name="N01">An exceedance after none.</param>
/// <param name="N10">No exceedance after an exceedance.</param>
/// <param name="N11">An exceedance after an exceedance.</param>
public readonly record struct ExceedanceTransitions(int N00, int N01, int N10, int N11)
{
    /// <summary>Counts the transitions of <paramref name="exceedances"/> (true = the loss exceeded VaR that day).</summary>
    public static ExceedanceTransitions Count(IReadOnlyList<bool> exceedances)
    {
        ArgumentNullException.ThrowIfNull(exceedances);
        int n00 = 0, n01 = 0, n10 = 0, n11 = 0;
        for (int t = 1; t < exceedances.Count; t++)
        {
            switch (exceedances[t - 1], exceedances[t])
            {
                case (false, false): n00++; break;
                case (false, true): n01++; break;
                case (true, false): n10++; break;
                default: n11++; break;
            }
        }

        return new ExceedanceTransitions(n00, n01, n10, n11);
    }
}
