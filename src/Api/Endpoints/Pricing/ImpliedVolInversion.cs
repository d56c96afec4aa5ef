using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Errors;
using Analytics.Pricing.Engines;
using Analytics.Pricing.ImpliedVol;
using Analytics.Pricing;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>Maps an implied-vol request to the solver and its typed outcome to a response or an error. No maths here.</summary>
internal static class ImpliedVolInversion
{
    /// <summary>
    /// Validates the request: the shared option fields, a price, European exercise, the analytic engine; the price is
    /// returned in USD (converted from units of the underlying with <c>premiumCurrency: underlying</c>).
    /// </summary>
    public static (ValidatedOption Option, double Price)? Validate(ImpliedVolRequest r, DateTimeOffset now, FieldErrors errors)
    {
        var price = errors.Required("price", r.Price, 0, 1e12, "USD, the option's present value", minExclusive: true);
        if (r.Style == OptionExerciseStyle.American)
            errors.Add("style", "implied volatility is the Black-Scholes-Merton vol of a European option; give european (or omit style).");
        if (r.Engine is { } engine && engine != PricingEngine.Analytic)
            errors.Add("engine", "implied volatility is solved by the analytic engine (Jäckel's \"Let's Be Rational\"); omit engine or give analytic.");
        var option = OptionRequestValidator.Validate(r with { Style = OptionExerciseStyle.European, Engine = PricingEngine.Analytic }, now, errors);
        if (option is null || price is null) return null;
        // An inverse premium (in the underlying) times the underlying price is the USD value the solver inverts.
        return (option, r.PremiumCurrency == PremiumCurrency.Underlying ? price.Value * option.Underlying : price.Value);
    }

    /// <summary>The implied vol, or a 422 error that says why none exists.</summary>
    public static (ImpliedVolResponse? Result, BatchItemError? Error) Solve(ValidatedOption option, double price)
    {
        var right = option.Type;
        var result = option.IsForward
            ? ImpliedVolatility.SolveBlack76(price, option.Underlying, option.Strike, option.TenorYears, Math.Exp(-option.Rate * option.TenorYears), right)
            : ImpliedVolatility.Solve(price, option.Underlying, option.Strike, option.TenorYears, option.Rate, option.CarryRate, right);
        if (result.IsSolved)
            return (new ImpliedVolResponse(result.LognormalVol, option.TenorYears, result.Iterations), null);

        return (null, new BatchItemError(422, "No implied volatility exists for this price",
            new Dictionary<string, string[]> { ["price"] = [result.Reason] }));
    }
}
