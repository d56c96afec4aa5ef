using Analytics.Pricing.Market;

namespace Analytics.Pricing.Risk;

/// <summary>
/// A signed holding in a book: an option (quantity in units of underlying, each option on one unit) or a linear
/// position in the underlying (spot or perpetual, quantity in units of underlying). Long is positive. Immutable and
/// validated on construction; use <see cref="OfOption"/>, <see cref="OfSpot"/> or <see cref="OfPerpetual"/>.
/// </summary>
public sealed record RiskPosition
{
    private RiskPosition(RiskInstrumentKind kind, string underlying, double quantity, OptionContract? option)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(underlying);
        Kind = kind;
        Underlying = underlying;
        Quantity = Guard.Finite(quantity, nameof(quantity));
        Option = option;
    }

    /// <summary>What is held.</summary>
    public RiskInstrumentKind Kind { get; }

    /// <summary>The underlying symbol the position moves with, e.g. <c>ETH</c>.</summary>
    public string Underlying { get; }

    /// <summary>Signed quantity in units of underlying (options: number of options on one unit each).</summary>
    public double Quantity { get; }

    /// <summary>The option's terms when <see cref="Kind"/> is <see cref="RiskInstrumentKind.Option"/>, else null.</summary>
    public OptionContract? Option { get; }

    /// <summary>A position of <paramref name="quantity"/> options <paramref name="contract"/>.</summary>
    /// <param name="contract">Option terms.</param>
    /// <param name="quantity">Signed number of options (each on one unit of underlying); finite.</param>
    /// <returns>The position.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contract"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is not finite.</exception>
    public static RiskPosition OfOption(OptionContract contract, double quantity)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return new RiskPosition(RiskInstrumentKind.Option, contract.Underlying, quantity, contract);
    }

    /// <summary>A holding of <paramref name="quantity"/> units of the underlying itself.</summary>
    /// <param name="underlying">Underlying symbol.</param>
    /// <param name="quantity">Signed units; finite.</param>
    /// <returns>The position.</returns>
    public static RiskPosition OfSpot(string underlying, double quantity) => new(RiskInstrumentKind.Spot, underlying, quantity, null);

    /// <summary>A perpetual-future position of <paramref name="quantity"/> units of the underlying.</summary>
    /// <param name="underlying">Underlying symbol.</param>
    /// <param name="quantity">Signed units; finite.</param>
    /// <returns>The position.</returns>
    public static RiskPosition OfPerpetual(string underlying, double quantity) => new(RiskInstrumentKind.Perpetual, underlying, quantity, null);
}
