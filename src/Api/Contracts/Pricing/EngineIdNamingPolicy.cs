using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>
/// The wire names of <see cref="PricingEngine"/>: the registry's engine ids (<see cref="EngineRegistry.Id(PricingEngine)"/>),
/// so the JSON converter, the OpenAPI enum and the error messages all read them from the one declaration.
/// </summary>
public sealed class EngineIdNamingPolicy : JsonNamingPolicy
{
    public static EngineIdNamingPolicy Instance { get; } = new();

    /// <summary>The converter for <see cref="PricingEngine"/> (strings only, as for the API's other enums).</summary>
    public static JsonConverter CreateConverter() => new JsonStringEnumConverter<PricingEngine>(Instance, allowIntegerValues: false);

    public override string ConvertName(string name) =>
        Enum.TryParse<PricingEngine>(name, ignoreCase: false, out var engine) && Enum.IsDefined(engine)
            ? EngineRegistry.Id(engine)
            : throw new ArgumentOutOfRangeException(nameof(name), name, "Not a PricingEngine member.");
}
