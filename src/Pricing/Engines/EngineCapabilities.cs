namespace Analytics.Pricing.Engines;

/// <summary>What an engine can do beyond pricing its exercise styles (declared per engine in <see cref="EngineRegistry"/>).</summary>
[Flags]
public enum EngineCapabilities
{
    /// <summary>Nothing beyond pricing.</summary>
    None = 0,

    /// <summary>
    /// Wrapped as a <see cref="VanillaOptionEngine"/>, so the L2 model (<see cref="L2.L2VanillaOptionPricer"/>) can
    /// re-price it at the Leland bid and ask vols and the structure calculator can price legs with it.
    /// </summary>
    L2Adjustments = 1,

    /// <summary>Runs through the QuantLib binding; unavailable when the native library did not load.</summary>
    RequiresQuantLib = 2,

    /// <summary>Its price and Greeks are those of the SIMD European kernel (<see cref="Batch.BlackScholesBatch"/>).</summary>
    EuropeanBatchKernel = 4,
}
