namespace Analytics.Pricing;

/// <summary>
/// Argument checks for programmer errors, in the manner of Strata's <c>ArgChecker</c> and
/// Noda Time's <c>Preconditions</c>. Every failure is an <see cref="ArgumentOutOfRangeException"/>.
/// Numerical outcomes that a caller should expect (no implied vol, ...) are never reported here.
/// </summary>
internal static class Guard
{
    /// <summary>Requires a finite value (neither NaN nor ±∞).</summary>
    internal static double Finite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Value must be finite.");
        }

        return value;
    }

    /// <summary>Requires a finite value strictly greater than zero.</summary>
    internal static double PositiveFinite(double value, string paramName)
    {
        if (!double.IsFinite(value) || value <= 0.0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Value must be finite and strictly positive.");
        }

        return value;
    }

    /// <summary>Requires a finite value ≥ 0.</summary>
    internal static double NonNegativeFinite(double value, string paramName)
    {
        if (!double.IsFinite(value) || value < 0.0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Value must be finite and non-negative.");
        }

        return value;
    }

    /// <summary>Requires a probability strictly between 0 and 1.</summary>
    internal static double Probability(double value, string paramName)
    {
        if (!(value > 0.0 && value < 1.0))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Value must be strictly between 0 and 1.");
        }

        return value;
    }

    /// <summary>Requires a defined member of an enum.</summary>
    internal static TEnum Defined<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Undefined {typeof(TEnum).Name} value.");
        }

        return value;
    }
}
