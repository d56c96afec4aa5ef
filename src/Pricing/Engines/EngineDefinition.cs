using System.Collections.Immutable;

namespace Analytics.Pricing.Engines;

/// <summary>
/// One engine as <see cref="EngineRegistry"/> declares it: its API id, the exercise styles it prices, the way it
/// computes Greeks and its capabilities. Immutable.
/// </summary>
/// <param name="Engine">The engine.</param>
/// <param name="Id">Its wire id (API.md <c>engine</c>), e.g. <c>bjerksund-stensland</c>.</param>
/// <param name="Styles">The exercise styles it prices.</param>
/// <param name="GreeksMethod">How it computes Greeks where early exercise may be optimal; an American engine
/// reports <see cref="Engines.GreeksMethod.ClosedForm"/> (or the lattice it hands over to) for the options where it
/// is not, so each valuation carries the method it actually used.</param>
/// <param name="Capabilities">What else it can do.</param>
/// <param name="Vanilla">The engine as the L2 model and the structure calculator call it, when it has
/// <see cref="EngineCapabilities.L2Adjustments"/>; <see langword="null"/> otherwise.</param>
public sealed record EngineDefinition(
    PricingEngine Engine,
    string Id,
    ImmutableArray<OptionExerciseStyle> Styles,
    GreeksMethod GreeksMethod,
    EngineCapabilities Capabilities,
    VanillaOptionEngine? Vanilla)
{
    /// <summary>True when the engine prices <paramref name="style"/>.</summary>
    /// <param name="style">Exercise style.</param>
    /// <returns>Whether <see cref="Styles"/> contains it.</returns>
    public bool Prices(OptionExerciseStyle style) => Styles.Contains(style);

    /// <summary>True when the engine has every capability in <paramref name="capabilities"/>.</summary>
    /// <param name="capabilities">One or more capabilities.</param>
    /// <returns>Whether all are declared.</returns>
    public bool Has(EngineCapabilities capabilities) => (Capabilities & capabilities) == capabilities;
}
