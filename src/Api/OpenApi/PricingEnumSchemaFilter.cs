using Analytics.Pricing;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;
using Analytics.Pricing.Market;
using Analytics.Pricing.Surfaces;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Analytics.Api.OpenApi;

/// <summary>
/// The contracts use Pricing's enums (one enum per concept across layers); their OpenAPI schemas keep the ids and
/// descriptions the API has always published, which the numerics' type names and XML docs would otherwise replace.
/// </summary>
internal sealed class PricingEnumSchemaFilter : ISchemaFilter
{
    private static readonly Dictionary<Type, (string Id, string Description)> Schemas = new()
    {
        [typeof(OptionRight)] = ("OptionType", "Call or put."),
        [typeof(OptionExerciseStyle)] = ("ExerciseStyle", "When the option can be exercised."),
        [typeof(PricingEngine)] = ("PricingEngine", "The pricing engine; the ids are fixed by API.md."),
        [typeof(PremiumCurrency)] = ("PremiumCurrency", "The unit of a premium: USD, or the underlying (inverse, coin-margined options as Deribit quotes them)."),
        [typeof(CarrySource)] = ("CarrySourceKind", "Where the cost of carry b comes from (PRODUCT.md §3.4 part 1)."),
        [typeof(SettlementLayer)] = ("SettlementKind", "Where proceeds settle: on the L2 itself, or on L1 after the chain's withdrawal delay."),
        [typeof(OptionSettlement)] = ("OptionSettlement", "How an option settles: in cash, or by delivery of the underlying."),
        [typeof(SurfaceModel)] = ("SurfaceModelKind", "Which parameterisation to fit (API.md, Surfaces)."),
    };

    /// <summary>The published schema id of a Pricing enum, or null for any other type.</summary>
    public static string? SchemaId(Type type) => Schemas.TryGetValue(type, out var schema) ? schema.Id : null;

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && Schemas.TryGetValue(context.Type, out var published))
            concrete.Description = published.Description;
    }
}
