namespace Analytics.Pricing.Risk;

/// <summary>
/// A move of one underlying's market: spot S → S·(1 + <paramref name="SpotRelative"/>) and every option's lognormal
/// vol σ → σ + <paramref name="VolAbsolute"/> (a vol at or below zero after the shift values the option at its
/// zero-vol limit). The default is no move.
/// </summary>
/// <param name="SpotRelative">Relative spot shift, &gt; −1 (−0.2 = spot down 20 %).</param>
/// <param name="VolAbsolute">Absolute vol shift, annualised decimal (0.05 = +5 vol points).</param>
public readonly record struct UnderlyingShift(double SpotRelative, double VolAbsolute);
