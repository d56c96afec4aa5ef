namespace Analytics.Pricing.ImpliedVol;

/// <summary>
/// Result of an implied-volatility inversion as a value, in the manner of Noda Time's <c>ParseResult&lt;T&gt;</c>
/// and Math.NET's <c>TryFindRoot</c>: a <see cref="Status"/>, the lognormal (Black) volatility when
/// <see cref="ImpliedVolStatus.Solved"/>, the price bounds it was checked against, and the iteration count.
/// </summary>
/// <remarks>Small immutable value; producing it allocates nothing. <see cref="Reason"/> formats on demand.</remarks>
public readonly record struct ImpliedVolResult
{
    internal ImpliedVolResult(
        ImpliedVolStatus status, double lognormalVol, double intrinsicValue, double upperBound, int iterations)
    {
        Status = status;
        LognormalVol = lognormalVol;
        IntrinsicValue = intrinsicValue;
        UpperBound = upperBound;
        Iterations = iterations;
    }

    /// <summary>Whether a volatility was found, and if not, why.</summary>
    public ImpliedVolStatus Status { get; }

    /// <summary>
    /// Implied lognormal (Black) volatility σ, annualised decimal (0.2 = 20 %), when <see cref="IsSolved"/>;
    /// 0 for <see cref="ImpliedVolStatus.AtIntrinsic"/>; NaN otherwise.
    /// </summary>
    public double LognormalVol { get; }

    /// <summary>Discounted intrinsic value DF·(F − K)⁺ or DF·(K − F)⁺ in the quote currency (NaN for an invalid price).</summary>
    public double IntrinsicValue { get; }

    /// <summary>Discounted upper bound DF·F (call) or DF·K (put) in the quote currency (NaN for an invalid price).</summary>
    public double UpperBound { get; }

    /// <summary>
    /// Householder (or, for the baseline, Newton/bisection) steps taken after the initial guess; 0 when no
    /// iteration was needed or possible.
    /// </summary>
    public int Iterations { get; }

    /// <summary><see langword="true"/> when <see cref="LognormalVol"/> holds a positive finite volatility.</summary>
    public bool IsSolved => Status == ImpliedVolStatus.Solved;

    /// <summary>Human-readable explanation of <see cref="Status"/>, suitable for an RFC 9457 problem detail.</summary>
    public string Reason => Status switch
    {
        ImpliedVolStatus.Solved => "Solved.",
        ImpliedVolStatus.InvalidPrice => "No implied vol: the price is not a finite number.",
        ImpliedVolStatus.NonPositivePrice => "No implied vol: the price is zero or negative.",
        ImpliedVolStatus.BelowIntrinsic =>
            FormattableString.Invariant($"No implied vol: the price is below the discounted intrinsic value {IntrinsicValue:G6}."),
        ImpliedVolStatus.AtIntrinsic =>
            FormattableString.Invariant($"No implied vol: the price equals the discounted intrinsic value {IntrinsicValue:G6} (vol 0 in the limit)."),
        ImpliedVolStatus.AboveUpperBound =>
            FormattableString.Invariant($"No implied vol: the price is at or above the upper bound {UpperBound:G6} (vol infinite in the limit)."),
        ImpliedVolStatus.TimeValueTooSmall =>
            "No implied vol: the time value is below 2.2e-308 of √(forward·strike) and carries no information.",
        _ => Status.ToString(),
    };

    /// <summary>Creates a solved result.</summary>
    internal static ImpliedVolResult Solved(double lognormalVol, double intrinsicValue, double upperBound, int iterations) =>
        new(ImpliedVolStatus.Solved, lognormalVol, intrinsicValue, upperBound, iterations);

    /// <summary>Creates a result without a volatility (LognormalVol 0 for AtIntrinsic, NaN otherwise).</summary>
    internal static ImpliedVolResult Failed(ImpliedVolStatus status, double intrinsicValue, double upperBound) =>
        new(status, status == ImpliedVolStatus.AtIntrinsic ? 0.0 : double.NaN, intrinsicValue, upperBound, 0);
}
