using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Errors;
using Analytics.Api.Serialization;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>Which engine prices which exercise style, and the default for each style.</summary>
internal static class EngineCatalog
{
    private static readonly Dictionary<ExerciseStyle, PricingEngine[]> Engines = new()
    {
        [ExerciseStyle.European] = [PricingEngine.Analytic, PricingEngine.QuantLibAnalytic, PricingEngine.QuantLibFd, PricingEngine.QuantLibBinomial],
        [ExerciseStyle.American] =
        [
            PricingEngine.BjerksundStensland, PricingEngine.BaroneAdesiWhaley, PricingEngine.Binomial,
            PricingEngine.QuantLibBaw, PricingEngine.QuantLibBjerksundStensland, PricingEngine.QuantLibFd, PricingEngine.QuantLibBinomial,
        ],
    };

    /// <summary>The engines for <paramref name="style"/>, the default first.</summary>
    public static IReadOnlyList<PricingEngine> For(ExerciseStyle style) => Engines[style];

    public static string Id(PricingEngine engine) => EnumNames.Of(engine);

    /// <summary>The requested engine, or the style's default; null with an error when the engine cannot price that style.</summary>
    public static PricingEngine? Resolve(ExerciseStyle style, PricingEngine? requested, FieldErrors errors)
    {
        var available = Engines[style];
        var engine = requested ?? available[0];
        if (available.Contains(engine)) return engine;
        var styleName = style.ToString().ToLowerInvariant();
        errors.Add("engine", $"'{Id(engine)}' does not price {styleName} exercise; engines for {styleName} exercise: {string.Join(", ", available.Select(Id))}.");
        return null;
    }
}
