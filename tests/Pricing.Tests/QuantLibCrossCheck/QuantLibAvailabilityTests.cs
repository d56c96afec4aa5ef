using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib;

namespace Analytics.Pricing.Tests.QuantLibCrossCheck;

/// <summary>
/// Whether QuantLib is there, and what callers see when it is not: a typed "QuantLib unavailable: &lt;reason&gt;"
/// that the web layer maps to 503.
/// </summary>
public sealed class QuantLibAvailabilityTests
{
    [Fact]
    public void Default_WithTheBindingBuilt_ReportsQuantLibVersion()
    {
        QuantLibRequirement.Require();

        Assert.Null(QuantLibRequirement.Pricer.UnavailableReason);
        Assert.Equal("1.29", QuantLibRequirement.Pricer.QuantLibVersion);
    }

    [Fact]
    public void Price_WhenUnavailable_ThrowsTypedUnavailableExceptionWithTheReason()
    {
        var pricer = QuantLibVanillaOptionPricer.Unavailable("libNQuantLibc.so failed to load (test)");
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Call, 100.0, 100.0, 1.0, 0.2, 0.05, 0.0);

        Assert.False(pricer.IsAvailable);
        var error = Assert.Throws<QuantLibUnavailableException>(
            () => pricer.Price(inputs, QuantLibExerciseStyle.European, QuantLibEngine.QuantLibAnalytic));
        Assert.Equal("QuantLib unavailable: libNQuantLibc.so failed to load (test)", error.Message);
        Assert.Throws<QuantLibUnavailableException>(
            () => pricer.ImpliedVolatility(OptionRight.Call, 100.0, 100.0, 1.0, 0.05, 0.05, 10.0));
    }

    [Fact]
    public void Default_WhenUnavailable_SaysWhyInsteadOfFailingToLoad()
    {
        var pricer = QuantLibVanillaOptionPricer.Default;
        if (pricer.IsAvailable)
        {
            Assert.Null(pricer.UnavailableReason);
            return;
        }

        Assert.False(string.IsNullOrWhiteSpace(pricer.UnavailableReason));
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Call, 100.0, 100.0, 1.0, 0.2, 0.05, 0.0);
        var error = Assert.Throws<QuantLibUnavailableException>(
            () => pricer.Price(inputs, QuantLibExerciseStyle.European, QuantLibEngine.QuantLibAnalytic));
        Assert.StartsWith("QuantLib unavailable: ", error.Message, StringComparison.Ordinal);
    }
}
