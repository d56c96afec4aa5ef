#if !QUANTLIB_BINDINGS
using Analytics.Pricing.Black;

namespace Analytics.Pricing.QuantLib;

/// <summary>The gateway's core when the assembly was built without the binding: never reached, because
/// every entry point first throws <see cref="QuantLibUnavailableException"/>.</summary>
internal sealed partial class QuantLibGateway
{
    private QuantLibVanillaOptionResult PriceCore(
        BlackVanillaOptionInputs inputs, QuantLibExerciseStyle exercise, QuantLibEngine engine, DateOnly valuationDate,
        QuantLibTenorScaling scaling, string version, QuantLibFdGrid? fdGrid) => throw Unavailable();

    private QuantLibImpliedVolatilityResult ImpliedVolatilityCore(
        OptionRight right, double spot, double strike, double tenorYears, double rate, double costOfCarry,
        double optionPrice, QuantLibExerciseStyle exercise, DateOnly valuationDate, QuantLibTenorScaling scaling) => throw Unavailable();

    private (double Price, double Delta, double Vega) PriceOnTermStructuresCore(QuantLibTermStructureScenario scenario) =>
        throw Unavailable();

    private void LeakProxiesCore(int count) => throw Unavailable();

    private double PriceAmericanQdFpCore(BlackVanillaOptionInputs inputs, QuantLibTenorScaling scaling, int fixedPointSteps, int chebyshevNodes, double tolerance) =>
        throw Unavailable();

    private double PriceAmericanFdOnGridCore(BlackVanillaOptionInputs inputs, QuantLibTenorScaling scaling, int timeSteps, int spacePoints, bool extrapolate) =>
        throw Unavailable();

    private void PriceEuropeanSharingContractCore(
        OptionRight right, double strike, double tenorYears, QuantLibTenorScaling scaling,
        ReadOnlySpan<double> spots, ReadOnlySpan<double> vols, ReadOnlySpan<double> rates, ReadOnlySpan<double> carries, Span<double> prices) =>
        throw Unavailable();

    private QuantLibUnavailableException Unavailable() => new(unavailableReason ?? "built without the QuantLib bindings");
}
#endif
