using Analytics.Pricing.American;
using Analytics.Pricing.Black;

namespace Analytics.Pricing.Engines;

/// <summary>
/// A vanilla option engine as the L2 model and the structure calculator see it: a pure function from
/// generalised-BSM inputs (Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §1.1.6) to
/// a price with Greeks, plus a cheaper price-only function for the Leland bid and ask. The built-in instances
/// wrap this library's engines under the API's engine ids (<see cref="EngineRegistry"/> says which engine has one:
/// <see cref="EngineDefinition.Vanilla"/>); <see cref="Create"/> wraps any other (a QuantLib engine, for instance).
/// Immutable and thread-safe when the wrapped functions are.
/// </summary>
public sealed class VanillaOptionEngine
{
    private readonly Func<BlackVanillaOptionInputs, VanillaOptionValuation> _price;
    private readonly Func<BlackVanillaOptionInputs, double> _presentValue;

    private VanillaOptionEngine(
        string id,
        OptionExerciseStyle style,
        Func<BlackVanillaOptionInputs, VanillaOptionValuation> price,
        Func<BlackVanillaOptionInputs, double> presentValue)
    {
        Id = id;
        Style = style;
        _price = price;
        _presentValue = presentValue;
    }

    /// <summary>European generalised Black-Scholes-Merton, closed form (<see cref="BlackVanillaOptionPricer"/>), id <c>analytic</c>.</summary>
    public static VanillaOptionEngine BlackScholesMerton { get; } = new(
        "analytic",
        OptionExerciseStyle.European,
        inputs => FromBlack(BlackVanillaOptionPricer.Default.Price(inputs)),
        inputs => BlackVanillaOptionPricer.Default.Price(inputs).Price);

    /// <summary>American, Andersen-Lake-Offengenden fixed point (<see cref="QdFpAmericanPricer.Default"/>), id <c>qd-fp</c>.</summary>
    public static VanillaOptionEngine QdFp { get; } = new(
        "qd-fp",
        OptionExerciseStyle.American,
        inputs => From(QdFpAmericanPricer.Default.Price(inputs)),
        QdFpAmericanPricer.Default.PresentValue);

    /// <summary>American, Bjerksund-Stensland (2002) (<see cref="BjerksundStensland2002Pricer"/>), id <c>bjerksund-stensland</c>.</summary>
    public static VanillaOptionEngine BjerksundStensland2002 { get; } = new(
        "bjerksund-stensland",
        OptionExerciseStyle.American,
        inputs => From(BjerksundStensland2002Pricer.Default.Price(inputs)),
        BjerksundStensland2002Pricer.Default.PresentValue);

    /// <summary>American, Barone-Adesi and Whaley (1987) (<see cref="BaroneAdesiWhaleyPricer"/>), id <c>barone-adesi-whaley</c>.</summary>
    public static VanillaOptionEngine BaroneAdesiWhaley { get; } = new(
        "barone-adesi-whaley",
        OptionExerciseStyle.American,
        inputs => From(BaroneAdesiWhaleyPricer.Default.Price(inputs)),
        BaroneAdesiWhaleyPricer.Default.PresentValue);

    /// <summary>American, binomial lattice (<see cref="BinomialAmericanPricer.Default"/>), id <c>binomial</c>.</summary>
    public static VanillaOptionEngine Binomial { get; } = new(
        "binomial",
        OptionExerciseStyle.American,
        inputs => From(BinomialAmericanPricer.Default.Price(inputs)),
        BinomialAmericanPricer.Default.PresentValue);

    /// <summary>The engine id (API.md's <c>engine</c> values for the built-in instances).</summary>
    public string Id { get; }

    /// <summary>The exercise style this engine prices.</summary>
    public OptionExerciseStyle Style { get; }

    /// <summary>
    /// Wraps another engine.
    /// </summary>
    /// <param name="id">Engine id, e.g. <c>quantlib-fd</c>.</param>
    /// <param name="style">Exercise style the engine prices.</param>
    /// <param name="price">Price with Greeks, per unit of underlying.</param>
    /// <param name="presentValue">Price only; <see langword="null"/> to use <paramref name="price"/>.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="price"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="style"/> is undefined.</exception>
    public static VanillaOptionEngine Create(
        string id,
        OptionExerciseStyle style,
        Func<BlackVanillaOptionInputs, VanillaOptionValuation> price,
        Func<BlackVanillaOptionInputs, double>? presentValue = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(price);
        Guard.Defined(style, nameof(style));
        return new VanillaOptionEngine(id, style, price, presentValue ?? (inputs => price(inputs).Price));
    }

    /// <summary>The default engine of a style (<see cref="EngineRegistry.DefaultFor"/>): <see cref="BlackScholesMerton"/> or Bjerksund–Stensland 2002.</summary>
    /// <param name="style">Exercise style.</param>
    /// <returns>The engine.</returns>
    public static VanillaOptionEngine DefaultFor(OptionExerciseStyle style) =>
        EngineRegistry.Of(EngineRegistry.DefaultFor(style)).Vanilla!;

    /// <summary>Price and Greeks per unit of underlying.</summary>
    /// <param name="inputs">Validated inputs.</param>
    /// <returns>The valuation.</returns>
    public VanillaOptionValuation Price(BlackVanillaOptionInputs inputs) => _price(inputs);

    /// <summary>Price only, per unit of underlying, quote currency.</summary>
    /// <param name="inputs">Validated inputs.</param>
    /// <returns>Present value.</returns>
    public double PresentValue(BlackVanillaOptionInputs inputs) => _presentValue(inputs);

    /// <inheritdoc />
    public override string ToString() => Id;

    /// <summary>The valuation of a closed-form European result (the scalar pricer's or the batch kernel's), as
    /// <see cref="BlackScholesMerton"/> reports it: method <see cref="GreeksMethod.ClosedForm"/>.</summary>
    /// <param name="result">A result of <see cref="BlackVanillaOptionPricer"/> or <c>BlackVanillaBatchPricer</c>.</param>
    /// <returns>The valuation.</returns>
    public static VanillaOptionValuation FromBlack(BlackVanillaOptionResult result) =>
        new(result.Price, result.Greeks, GreeksMethod.ClosedForm, result.Forward, result.DiscountFactor, EuropeanPrice: null);

    private static VanillaOptionValuation From(AmericanOptionResult result) =>
        new(result.Price, result.Greeks, result.GreeksMethod, result.Forward, result.DiscountFactor, result.EuropeanPrice);
}
