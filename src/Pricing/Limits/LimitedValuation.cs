using Analytics.Pricing.Engines;

namespace Analytics.Pricing.Limits;

/// <summary>
/// An engine's answer for <see cref="VanillaOptionTerms"/>, or the closed-form limit used instead
/// (<see cref="VanillaOptionLimits.PriceWith{TResult}"/>). Immutable.
/// </summary>
/// <typeparam name="TResult">The engine's own result type.</typeparam>
/// <param name="EngineResult">The engine's result; the default when a limit was used (<paramref name="Limit"/> not null).</param>
/// <param name="Valuation">The price and Greeks: the engine's, or the limit's.</param>
/// <param name="Limit">The limit used, or <see langword="null"/> when the engine priced the option.</param>
/// <param name="EngineFailure">With <see cref="VanillaOptionLimit.ExtremeInputs"/>: why the engine's answer was not used.</param>
public sealed record LimitedValuation<TResult>(
    TResult? EngineResult, VanillaOptionValuation Valuation, VanillaOptionLimit? Limit, string? EngineFailure = null);
