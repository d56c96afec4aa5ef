namespace Analytics.Pricing.Risk;

/// <summary>What a <see cref="RiskPosition"/> holds.</summary>
public enum RiskInstrumentKind
{
    /// <summary>A vanilla option (<see cref="Market.OptionContract"/>), valued per unit of underlying.</summary>
    Option = 0,

    /// <summary>The underlying itself: value Q·S.</summary>
    Spot = 1,

    /// <summary>A perpetual future, linear in the underlying: marked at Q·S (funding accrual is not a market move).</summary>
    Perpetual = 2,
}
