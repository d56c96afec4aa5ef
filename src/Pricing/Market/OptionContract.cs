using Analytics.Pricing.Engines;

namespace Analytics.Pricing.Market;

/// <summary>
/// The terms of a vanilla option, apart from any market (Strata's trade/market-data split): the underlying, the expiry
/// instant, the strike, the right, the exercise style and the settlement. Immutable and validated on construction and
/// in <c>with</c> expressions. Priced with an <see cref="OptionMarket"/> through <see cref="OptionInputs"/>.
/// </summary>
public sealed record OptionContract
{
    /// <summary>Creates validated terms.</summary>
    /// <param name="underlying">Underlying symbol, e.g. <c>ETH</c>; not blank.</param>
    /// <param name="expiryUtc">Expiry instant, UTC (offset zero).</param>
    /// <param name="strike">Strike K, &gt; 0, quote currency.</param>
    /// <param name="right">Call or put.</param>
    /// <param name="style">European or American exercise.</param>
    /// <param name="settlement">Cash or physical settlement.</param>
    /// <exception cref="ArgumentException"><paramref name="underlying"/> is blank or <paramref name="expiryUtc"/> is not UTC.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The strike is not positive and finite, or an enum value is undefined.</exception>
    public OptionContract(
        string underlying, DateTimeOffset expiryUtc, double strike, OptionRight right, OptionExerciseStyle style, OptionSettlement settlement)
    {
        Underlying = underlying;
        ExpiryUtc = expiryUtc;
        Strike = strike;
        Right = right;
        Style = style;
        Settlement = settlement;
    }

    /// <summary>Underlying symbol, e.g. <c>ETH</c>.</summary>
    public string Underlying
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Underlying));
            field = value;
        }
    }

    /// <summary>Expiry instant, UTC.</summary>
    public DateTimeOffset ExpiryUtc
    {
        get;
        init
        {
            if (value.Offset != TimeSpan.Zero)
            {
                throw new ArgumentException("The expiry must be given in UTC (offset zero).", nameof(ExpiryUtc));
            }

            field = value;
        }
    }

    /// <summary>Strike K, &gt; 0, quote currency.</summary>
    public double Strike { get; init => field = Guard.PositiveFinite(value, nameof(Strike)); }

    /// <summary>Call or put.</summary>
    public OptionRight Right { get; init => field = Guard.Defined(value, nameof(Right)); }

    /// <summary>European or American exercise.</summary>
    public OptionExerciseStyle Style { get; init => field = Guard.Defined(value, nameof(Style)); }

    /// <summary>Cash or physical settlement.</summary>
    public OptionSettlement Settlement { get; init => field = Guard.Defined(value, nameof(Settlement)); }

    /// <summary>Act/365F years from <paramref name="valuationUtc"/> to the expiry (<see cref="YearFraction.Act365F"/>); ≤ 0 at or after expiry.</summary>
    /// <param name="valuationUtc">The valuation instant.</param>
    /// <returns>Years to expiry.</returns>
    public double TenorYears(DateTimeOffset valuationUtc) => YearFraction.Act365F(valuationUtc, ExpiryUtc);

    /// <summary>Payoff at expiry per unit of underlying for an underlying price S: max(ω(S − K), 0).</summary>
    /// <param name="underlyingPrice">Underlying price S at expiry, quote currency.</param>
    /// <returns>Intrinsic value, quote currency.</returns>
    public double Intrinsic(double underlyingPrice) =>
        Math.Max(Right == OptionRight.Call ? underlyingPrice - Strike : Strike - underlyingPrice, 0.0);
}
