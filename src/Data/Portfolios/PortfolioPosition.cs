using Analytics.Pricing;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;

namespace Analytics.Data.Portfolios;

/// <summary>
/// One position of a stored portfolio: an option, a perpetual future or a spot holding, with a signed
/// <see cref="Quantity"/> (negative = short) in units of the underlying (options: number of options, each on one unit).
/// Identifiers are normalised: underlying and market upper case, chain and venue lower case. Immutable and validated by
/// its factories <see cref="Option"/>, <see cref="Perpetual"/> and <see cref="Spot"/>; the risk engine reads it through
/// <see cref="ToRiskPosition"/>.
/// </summary>
public sealed record PortfolioPosition
{
    private PortfolioPosition(RiskInstrumentKind kind, string underlying, double quantity, string? chain, string? venue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(underlying);
        if (!double.IsFinite(quantity) || quantity == 0)
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "The quantity must be finite and non-zero.");
        Kind = kind;
        Underlying = underlying.Trim().ToUpperInvariant();
        Quantity = quantity;
        Chain = Normalise(chain)?.ToLowerInvariant();
        Venue = Normalise(venue)?.ToLowerInvariant();
    }

    /// <summary>Option, perpetual or spot.</summary>
    public RiskInstrumentKind Kind { get; }

    /// <summary>Underlying symbol, upper case, e.g. <c>ETH</c>.</summary>
    public string Underlying { get; }

    /// <summary>Call or put (options), else null.</summary>
    public OptionRight? Right { get; private init; }

    /// <summary>European or American exercise (options), else null.</summary>
    public OptionExerciseStyle? Style { get; private init; }

    /// <summary>Cash or physical settlement (options), else null.</summary>
    public OptionSettlement? Settlement { get; private init; }

    /// <summary>Strike, USD, &gt; 0 (options), else null.</summary>
    public double? Strike { get; private init; }

    /// <summary>Expiry instant, UTC (options), else null. An expired option may be held; risk values it at intrinsic.</summary>
    public DateTimeOffset? ExpiryUtc { get; private init; }

    /// <summary>Signed quantity in units of the underlying (options: number of options); negative = short; finite, non-zero.</summary>
    public double Quantity { get; }

    /// <summary>The blockchain the position lives on, lower case (an id of the <c>Chains</c> configuration), or null.</summary>
    public string? Chain { get; }

    /// <summary>The venue, lower case, or null.</summary>
    public string? Venue { get; }

    /// <summary>
    /// Options: the price of one option paid or received, USD, ≥ 0; the position's premium cash flow is
    /// <see cref="Premium"/> × <see cref="Quantity"/> (positive = paid by a long, negative = received by a short). Null when not given.
    /// </summary>
    public double? Premium { get; private init; }

    /// <summary>Perpetuals: the venue's market, upper case, e.g. <c>ETH-PERP</c>; else null.</summary>
    public string? Market { get; private init; }

    /// <summary>Perpetuals (required) and spot (optional): the average entry price, USD, &gt; 0; else null.</summary>
    public double? EntryPrice { get; private init; }

    /// <summary>An option position.</summary>
    /// <param name="underlying">Underlying symbol (stored upper case).</param>
    /// <param name="right">Call or put.</param>
    /// <param name="style">European or American.</param>
    /// <param name="settlement">Cash or physical.</param>
    /// <param name="strike">Strike, USD, positive and finite.</param>
    /// <param name="expiryUtc">Expiry instant, UTC (offset zero); may be in the past.</param>
    /// <param name="quantity">Signed number of options; finite, non-zero.</param>
    /// <param name="chain">Chain id (stored lower case).</param>
    /// <param name="venue">Venue, or null.</param>
    /// <param name="premium">Price of one option, USD, ≥ 0 and finite, or null.</param>
    /// <returns>The position.</returns>
    /// <exception cref="ArgumentException">A blank identifier or an expiry that is not UTC.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number out of its range or an undefined enum value.</exception>
    public static PortfolioPosition Option(
        string underlying, OptionRight right, OptionExerciseStyle style, OptionSettlement settlement, double strike,
        DateTimeOffset expiryUtc, double quantity, string chain, string? venue, double? premium)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(underlying);
        ArgumentException.ThrowIfNullOrWhiteSpace(chain);
        // The option's own terms validate the right, style, settlement, strike and expiry.
        var terms = new OptionContract(underlying.Trim().ToUpperInvariant(), expiryUtc, strike, right, style, settlement);
        if (premium is { } p && (!double.IsFinite(p) || p < 0))
            throw new ArgumentOutOfRangeException(nameof(premium), premium, "The premium per option must be finite and ≥ 0.");
        return new PortfolioPosition(RiskInstrumentKind.Option, underlying, quantity, chain, venue)
        {
            Right = terms.Right, Style = terms.Style, Settlement = terms.Settlement, Strike = terms.Strike, ExpiryUtc = terms.ExpiryUtc,
            Premium = premium,
        };
    }

    /// <summary>A perpetual-future position.</summary>
    /// <param name="underlying">Underlying symbol.</param>
    /// <param name="quantity">Signed units of the underlying; finite, non-zero.</param>
    /// <param name="market">The venue's market, e.g. <c>ETH-PERP</c> (stored upper case).</param>
    /// <param name="entryPrice">Average entry price, USD, positive and finite.</param>
    /// <param name="chain">Chain id, or null.</param>
    /// <param name="venue">Venue, or null.</param>
    /// <returns>The position.</returns>
    public static PortfolioPosition Perpetual(string underlying, double quantity, string market, double entryPrice, string? chain, string? venue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(market);
        return new PortfolioPosition(RiskInstrumentKind.Perpetual, underlying, quantity, chain, venue)
        {
            Market = market.Trim().ToUpperInvariant(), EntryPrice = PositivePrice(entryPrice, nameof(entryPrice)),
        };
    }

    /// <summary>A holding of the underlying itself (negative = borrowed and sold).</summary>
    /// <param name="underlying">Underlying symbol.</param>
    /// <param name="quantity">Signed units; finite, non-zero.</param>
    /// <param name="entryPrice">Average entry price, USD, positive and finite, or null.</param>
    /// <param name="chain">Chain id, or null.</param>
    /// <param name="venue">Venue, or null.</param>
    /// <returns>The position.</returns>
    public static PortfolioPosition Spot(string underlying, double quantity, double? entryPrice, string? chain, string? venue) =>
        new(RiskInstrumentKind.Spot, underlying, quantity, chain, venue)
        {
            EntryPrice = entryPrice is { } p ? PositivePrice(p, nameof(entryPrice)) : null,
        };

    /// <summary>The option's terms (options), else null.</summary>
    public OptionContract? Contract => Kind == RiskInstrumentKind.Option
        ? new OptionContract(Underlying, ExpiryUtc!.Value, Strike!.Value, Right!.Value, Style!.Value, Settlement!.Value)
        : null;

    /// <summary>
    /// The position as the numerics' scenario engine holds it: options → <see cref="RiskPosition.OfOption"/> with the
    /// terms of <see cref="Contract"/>, perpetuals → <see cref="RiskPosition.OfPerpetual"/>, spot →
    /// <see cref="RiskPosition.OfSpot"/>; the same signed quantity.
    /// </summary>
    /// <returns>The risk position.</returns>
    public RiskPosition ToRiskPosition() => Kind switch
    {
        RiskInstrumentKind.Option => RiskPosition.OfOption(Contract!, Quantity),
        RiskInstrumentKind.Perpetual => RiskPosition.OfPerpetual(Underlying, Quantity),
        _ => RiskPosition.OfSpot(Underlying, Quantity),
    };

    private static string? Normalise(string? identifier) => string.IsNullOrWhiteSpace(identifier) ? null : identifier.Trim();

    private static double PositivePrice(double value, string name) => double.IsFinite(value) && value > 0
        ? value
        : throw new ArgumentOutOfRangeException(name, value, "The price must be positive and finite.");
}
