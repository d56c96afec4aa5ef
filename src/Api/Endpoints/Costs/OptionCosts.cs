using System.Globalization;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Structures;
using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Endpoints.Costs;

/// <summary>
/// CPU estimates of the option endpoints besides single prices and price batches (which sum <see cref="EngineCost"/>):
/// the implied-vol batch, structures, the option chain and surface fits, from <see cref="UnitCosts"/>.
/// </summary>
internal static class OptionCosts
{
    /// <summary>Price batches: the sum of the valid items' engine classes.</summary>
    public static CpuEstimate PriceBatch(double microseconds, int items, int valid) => CpuEstimate.FromMicroseconds(microseconds,
        string.Create(CultureInfo.InvariantCulture, $"{valid:N0} valid of {items:N0} items × their engine's cost class"));

    /// <summary>One price: its engine's class.</summary>
    public static CpuEstimate Price(double microseconds, PricingEngine engine) =>
        CpuEstimate.FromMicroseconds(microseconds, $"one option priced with {EngineRegistry.Id(engine)}");

    /// <summary>Implied vols: items × one inversion.</summary>
    public static CpuEstimate ImpliedVols(int items) => CpuEstimate.FromMicroseconds(items * UnitCosts.ImpliedVol,
        string.Create(CultureInfo.InvariantCulture, $"{items:N0} implied-vol inversions"));

    /// <summary>
    /// A structure: each leg priced with its style's default engine (three times with an <c>l2</c> block), and the payoff
    /// at the first expiry on <paramref name="payoffPoints"/> spots, where every leg expiring later is valued again.
    /// </summary>
    public static CpuEstimate Structure(StructureDefinition structure, int payoffPoints, bool withL2)
    {
        double first = structure.FirstExpiryYears;
        double legs = structure.Legs.Sum(l =>
        {
            double engine = EngineCost.Microseconds(EngineRegistry.DefaultFor(l.Style));
            return withL2 ? 3 * engine + UnitCosts.L2Item : engine;
        });
        var later = structure.Legs.Where(l => l.TenorYears > first).ToList();
        double perPoint = UnitCosts.PayoffPoint + later.Sum(l => l.Style == OptionExerciseStyle.American ? UnitCosts.AmericanLegPoint : UnitCosts.EuropeanLegPoint);
        return CpuEstimate.FromMicroseconds(legs + payoffPoints * perPoint, string.Create(CultureInfo.InvariantCulture,
            $"{structure.Legs.Length} legs ({structure.Legs.Count(l => l.Style == OptionExerciseStyle.American)} American), {payoffPoints:N0} payoff points × {later.Count} legs expiring after the first"));
    }

    /// <summary>An option chain: its strikes, each call and put with Greeks, and L2 bid and ask when a chain is named.</summary>
    public static CpuEstimate Chain(int strikes, bool withL2) => CpuEstimate.FromMicroseconds(
        strikes * (withL2 ? UnitCosts.ChainStrikeWithL2 : UnitCosts.ChainStrike),
        string.Create(CultureInfo.InvariantCulture, $"{strikes:N0} strikes{(withL2 ? " with L2 bid and ask" : "")}"));

    /// <summary>A surface fit: its quotes × the model's cost per quote.</summary>
    public static CpuEstimate SurfaceFit(int quotes, SurfaceModel model)
    {
        var (perQuote, id) = model switch
        {
            SurfaceModel.Svi => (UnitCosts.SviQuote, "svi"),
            SurfaceModel.Ssvi => (UnitCosts.SsviQuote, "ssvi"),
            _ => (UnitCosts.EssviQuote, "essvi"),
        };
        return CpuEstimate.FromMicroseconds(quotes * perQuote, string.Create(CultureInfo.InvariantCulture, $"{id} fit of {quotes:N0} quotes"));
    }
}
