namespace Analytics.Pricing.Risk;

/// <summary>
/// One bucket of a vol move by log-moneyness: every option whose log-moneyness k = ln(K / F) is at most
/// <paramref name="MaxLogMoneyness"/> (and above the previous bucket's bound) has its lognormal vol shifted by
/// <paramref name="Shift"/>. The last bucket of a move is open: its bound is +∞.
/// </summary>
/// <param name="MaxLogMoneyness">Upper bound of the bucket, inclusive; +∞ for the last one.</param>
/// <param name="Shift">Absolute vol shift, annualised decimal (0.05 = +5 vol points).</param>
public readonly record struct VolBucketShift(double MaxLogMoneyness, double Shift);
