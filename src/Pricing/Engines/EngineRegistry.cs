using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Analytics.Pricing.Engines;

/// <summary>
/// The one declaration of the vanilla option engines (API.md "Pricing"; PRODUCT.md §3.3): per engine its id, the
/// exercise styles it prices, the default engine per style, its Greeks method and its capabilities. Every path
/// that chooses or describes an engine (single price, batch, <c>l2</c>, L2 compare, structures, option chain,
/// surface-vol pricing) asks here, so they cannot disagree.
/// </summary>
/// <remarks>
/// <para>The declaration order is the order engines are listed in (for a style: its default first), the order of
/// API.md. Defaults: <see cref="PricingEngine.Analytic"/> for European exercise,
/// <see cref="PricingEngine.QdFp"/> for American (issue 14; before it, <see cref="PricingEngine.BjerksundStensland"/>).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public static class EngineRegistry
{
    private static readonly ImmutableArray<OptionExerciseStyle> European = [OptionExerciseStyle.European];
    private static readonly ImmutableArray<OptionExerciseStyle> American = [OptionExerciseStyle.American];
    private static readonly ImmutableArray<OptionExerciseStyle> Both = [OptionExerciseStyle.European, OptionExerciseStyle.American];

    private static readonly ImmutableArray<EngineDefinition> Declared =
    [
        new(PricingEngine.Analytic, "analytic", European, GreeksMethod.ClosedForm,
            EngineCapabilities.L2Adjustments | EngineCapabilities.EuropeanBatchKernel, VanillaOptionEngine.BlackScholesMerton),
        new(PricingEngine.QdFp, "qd-fp", American, GreeksMethod.BoundaryIntegral,
            EngineCapabilities.L2Adjustments, VanillaOptionEngine.QdFp),
        new(PricingEngine.BjerksundStensland, "bjerksund-stensland", American, GreeksMethod.FiniteDifference,
            EngineCapabilities.L2Adjustments, VanillaOptionEngine.BjerksundStensland2002),
        new(PricingEngine.BaroneAdesiWhaley, "barone-adesi-whaley", American, GreeksMethod.FiniteDifference,
            EngineCapabilities.L2Adjustments, VanillaOptionEngine.BaroneAdesiWhaley),
        new(PricingEngine.Binomial, "binomial", American, GreeksMethod.Lattice,
            EngineCapabilities.L2Adjustments, VanillaOptionEngine.Binomial),
        new(PricingEngine.QuantLibAnalytic, "quantlib-analytic", European, GreeksMethod.QuantLib, EngineCapabilities.RequiresQuantLib, null),
        new(PricingEngine.QuantLibBaw, "quantlib-baw", American, GreeksMethod.QuantLib, EngineCapabilities.RequiresQuantLib, null),
        new(PricingEngine.QuantLibBjerksundStensland, "quantlib-bjerksund-stensland", American, GreeksMethod.QuantLib,
            EngineCapabilities.RequiresQuantLib, null),
        new(PricingEngine.QuantLibFd, "quantlib-fd", Both, GreeksMethod.QuantLib, EngineCapabilities.RequiresQuantLib, null),
        new(PricingEngine.QuantLibBinomial, "quantlib-binomial", Both, GreeksMethod.QuantLib, EngineCapabilities.RequiresQuantLib, null),
        new(PricingEngine.QuantLibQdFp, "quantlib-qd-fp", American, GreeksMethod.QuantLib, EngineCapabilities.RequiresQuantLib, null),
    ];

    private static readonly EngineDefinition[] ByEngine = Declared.OrderBy(d => (int)d.Engine).ToArray();

    private static readonly FrozenDictionary<string, PricingEngine> ById =
        Declared.ToFrozenDictionary(d => d.Id, d => d.Engine, StringComparer.Ordinal);

    private static readonly ImmutableArray<PricingEngine> EuropeanEngines = ForStyle(OptionExerciseStyle.European, PricingEngine.Analytic);

    private static readonly ImmutableArray<PricingEngine> AmericanEngines = ForStyle(OptionExerciseStyle.American, PricingEngine.BjerksundStensland);

    /// <summary>Every engine, in declaration order.</summary>
    public static ImmutableArray<EngineDefinition> All => Declared;

    /// <summary>The declaration of one engine.</summary>
    /// <param name="engine">A defined engine.</param>
    /// <returns>Its id, styles, Greeks method and capabilities.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="engine"/> is undefined.</exception>
    public static EngineDefinition Of(PricingEngine engine) => ByEngine[(int)Guard.Defined(engine, nameof(engine))];

    /// <summary>The engine's wire id (API.md <c>engine</c>), e.g. <c>quantlib-baw</c>.</summary>
    /// <param name="engine">A defined engine.</param>
    /// <returns>The id.</returns>
    public static string Id(PricingEngine engine) => Of(engine).Id;

    /// <summary>The engine with wire id <paramref name="id"/> (exact, case-sensitive match).</summary>
    /// <param name="id">An id such as <c>analytic</c>.</param>
    /// <param name="engine">The engine, when found.</param>
    /// <returns>Whether <paramref name="id"/> names an engine.</returns>
    public static bool TryParse(string? id, out PricingEngine engine)
    {
        if (id is not null && ById.TryGetValue(id, out engine)) return true;
        engine = default;
        return false;
    }

    /// <summary>The wire id of a Greeks method (API.md <c>greeksMethod</c>): <c>closed-form</c>, <c>finite-difference</c>,
    /// <c>lattice</c>, <c>quantlib</c> or <c>boundary-integral</c>.</summary>
    /// <param name="method">A defined method.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is undefined.</exception>
    public static string Id(GreeksMethod method) => method switch
    {
        GreeksMethod.ClosedForm => "closed-form",
        GreeksMethod.FiniteDifference => "finite-difference",
        GreeksMethod.Lattice => "lattice",
        GreeksMethod.QuantLib => "quantlib",
        GreeksMethod.BoundaryIntegral => "boundary-integral",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Undefined GreeksMethod value."),
    };

    /// <summary>The default engine of a style, as API.md names them: <see cref="PricingEngine.Analytic"/> (European) or
    /// <see cref="PricingEngine.BjerksundStensland"/> (American; <see cref="PricingEngine.QdFp"/> on request where 1e-8 matters).</summary>
    /// <param name="style">A defined exercise style.</param>
    /// <returns>The default engine.</returns>
    public static PricingEngine DefaultFor(OptionExerciseStyle style) => EnginesFor(style)[0];

    /// <summary>The engines that price <paramref name="style"/>, the default first, then in declaration order.</summary>
    /// <param name="style">A defined exercise style.</param>
    /// <returns>The engines.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="style"/> is undefined.</exception>
    public static ImmutableArray<PricingEngine> EnginesFor(OptionExerciseStyle style) =>
        Guard.Defined(style, nameof(style)) == OptionExerciseStyle.American ? AmericanEngines : EuropeanEngines;

    /// <summary>The requested engine, or the style's default when none is requested; null when the engine cannot
    /// price that style.</summary>
    /// <param name="style">A defined exercise style.</param>
    /// <param name="requested">The engine asked for, if any.</param>
    /// <returns>The engine to price with, or <see langword="null"/>.</returns>
    public static PricingEngine? Resolve(OptionExerciseStyle style, PricingEngine? requested)
    {
        var engine = requested ?? DefaultFor(style);
        return Of(engine).Prices(style) ? engine : null;
    }

    private static ImmutableArray<PricingEngine> ForStyle(OptionExerciseStyle style, PricingEngine defaultEngine) =>
        [defaultEngine, .. Declared.Where(d => d.Prices(style) && d.Engine != defaultEngine).Select(d => d.Engine)];
}
