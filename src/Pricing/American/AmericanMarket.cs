using Analytics.Pricing.Black;

namespace Analytics.Pricing.American;

/// <summary>
/// The market and contract of one American vanilla option as plain doubles, the trusted internal form the
/// engines and their finite-difference Greeks work on (validated once, in <see cref="BlackVanillaOptionInputs"/>).
/// </summary>
/// <param name="IsCall">Call (true) or put.</param>
/// <param name="Spot">Spot S, &gt; 0.</param>
/// <param name="Strike">Strike K, &gt; 0.</param>
/// <param name="TenorYears">Time to expiry T in years, &gt; 0.</param>
/// <param name="Volatility">Lognormal volatility σ, &gt; 0.</param>
/// <param name="Rate">Risk-free rate r, continuously compounded.</param>
/// <param name="Carry">Cost of carry b, continuously compounded.</param>
internal readonly record struct AmericanMarket(
    bool IsCall, double Spot, double Strike, double TenorYears, double Volatility, double Rate, double Carry)
{
    /// <summary>The trusted form of validated public inputs.</summary>
    internal static AmericanMarket From(BlackVanillaOptionInputs inputs) => new(
        inputs.Right == OptionRight.Call, inputs.Spot, inputs.Strike, inputs.TenorYears, inputs.Volatility,
        inputs.Rate, inputs.CostOfCarry);

    /// <summary>Intrinsic value max(ω(S − K), 0).</summary>
    internal double Intrinsic => Math.Max(IsCall ? Spot - Strike : Strike - Spot, 0.0);
}
