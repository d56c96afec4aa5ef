namespace Analytics.Pricing.Engines;

/// <summary>
/// When a vanilla option can be exercised (Hull, <i>Options, Futures, and Other Derivatives</i>, 8th ed. 2012,
/// §9.1). Which engines price which style is declared in <see cref="EngineRegistry"/>.
/// </summary>
public enum OptionExerciseStyle
{
    /// <summary>At expiry only.</summary>
    European = 0,

    /// <summary>At any time up to expiry.</summary>
    American = 1,
}
