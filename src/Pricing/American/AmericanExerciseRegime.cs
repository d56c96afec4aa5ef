namespace Analytics.Pricing.American;

/// <summary>The exercise regime the inputs of an American option fall in.</summary>
public enum AmericanExerciseRegime
{
    /// <summary>
    /// Early exercise is never optimal (a call with b ≥ r ≥ 0, a put with b ≤ r ≤ 0: Merton 1973; Haug 2007
    /// §3.1), so the American option is priced as the European one.
    /// </summary>
    NeverExerciseEarly = 0,

    /// <summary>The spot lies in the continuation region: holding the option is worth more than exercising it.</summary>
    Continuation = 1,

    /// <summary>The spot lies in the exercise region: the price is the intrinsic value |S − K|.</summary>
    ImmediateExercise = 2,
}
