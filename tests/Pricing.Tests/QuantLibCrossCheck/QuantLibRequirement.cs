using Analytics.Pricing.QuantLib;
using Analytics.TestSupport;

namespace Analytics.Pricing.Tests.QuantLibCrossCheck;

/// <summary>The skip-outside-CI rule for tests that call QuantLib through the SWIG binding.</summary>
internal static class QuantLibRequirement
{
    internal static QuantLibVanillaOptionPricer Pricer => QuantLibVanillaOptionPricer.Default;

    /// <summary>Fails the test in CI (CI=true) and skips it elsewhere when QuantLib is unavailable.</summary>
    internal static void Require() =>
        Requirement.Require(
            Pricer.IsAvailable,
            "QuantLib (SWIG binding libNQuantLibc.so built by src/Pricing/QuantLib/QuantLib.targets)",
            "apt-get install -y libquantlib0-dev swig g++, then rebuild src/Pricing",
            Pricer.UnavailableReason);

    /// <summary>|actual − expected| ≤ relative·|expected| + absolute.</summary>
    internal static void Close(double expected, double actual, double relative, double absolute, string what)
    {
        double tolerance = relative * Math.Abs(expected) + absolute;
        Assert.True(
            Math.Abs(actual - expected) <= tolerance,
            $"{what}: expected {expected:R}, actual {actual:R}, difference {actual - expected:E3} > tolerance {tolerance:E3}");
    }
}
