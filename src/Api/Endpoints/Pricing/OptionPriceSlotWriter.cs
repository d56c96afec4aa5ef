using System.Text.Json;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Serialization;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// Writes one price-batch slot. The common slot (a price without <c>l2</c> block, bumped Greeks or surface id) is
/// written field by field with pre-encoded names, byte for byte what <see cref="JsonSerializer"/> writes for it with
/// the service's options (camelCase, nulls written except where the contract omits them), with numbers formatted by
/// <see cref="ShortestDouble"/>; every other slot goes through <see cref="JsonSerializer"/> itself. Tests compare the
/// two on varied slots.
/// </summary>
internal static class OptionPriceSlotWriter
{
    private static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
    private static readonly JsonEncodedText Engine = JsonEncodedText.Encode("engine");
    private static readonly JsonEncodedText Forward = JsonEncodedText.Encode("forward");
    private static readonly JsonEncodedText DiscountFactor = JsonEncodedText.Encode("discountFactor");
    private static readonly JsonEncodedText TenorYears = JsonEncodedText.Encode("tenorYears");
    private static readonly JsonEncodedText CarryRate = JsonEncodedText.Encode("carryRate");
    private static readonly JsonEncodedText Greeks = JsonEncodedText.Encode("greeks");
    private static readonly JsonEncodedText Delta = JsonEncodedText.Encode("delta");
    private static readonly JsonEncodedText Gamma = JsonEncodedText.Encode("gamma");
    private static readonly JsonEncodedText Vega = JsonEncodedText.Encode("vega");
    private static readonly JsonEncodedText Theta = JsonEncodedText.Encode("theta");
    private static readonly JsonEncodedText Rho = JsonEncodedText.Encode("rho");
    private static readonly JsonEncodedText CarryRho = JsonEncodedText.Encode("carryRho");
    private static readonly JsonEncodedText Vanna = JsonEncodedText.Encode("vanna");
    private static readonly JsonEncodedText Volga = JsonEncodedText.Encode("volga");
    private static readonly JsonEncodedText Charm = JsonEncodedText.Encode("charm");
    private static readonly JsonEncodedText GreeksMethod = JsonEncodedText.Encode("greeksMethod");
    private static readonly JsonEncodedText EuropeanPrice = JsonEncodedText.Encode("europeanPrice");
    private static readonly JsonEncodedText Vol = JsonEncodedText.Encode("vol");

    private static readonly JsonEncodedText[] EngineIds =
        Enum.GetValues<PricingEngine>().Select(e => JsonEncodedText.Encode(ApiEnumIds.Of(e))).ToArray();

    public static void Write(Utf8JsonWriter writer, OptionPriceSlot slot, JsonSerializerOptions options)
    {
        if (slot is not OptionPriceResponse { L2: null, BumpedGreeks: null, SurfaceId: null } r)
        {
            JsonSerializer.Serialize(writer, slot, options);
            return;
        }

        writer.WriteStartObject();
        WriteNumber(writer, Price, r.Price);
        writer.WriteString(Engine, EngineIds[(int)r.Engine]);
        WriteNumber(writer, Forward, r.Forward);
        WriteNumber(writer, DiscountFactor, r.DiscountFactor);
        WriteNumber(writer, TenorYears, r.TenorYears);
        WriteNumber(writer, CarryRate, r.CarryRate);
        writer.WriteStartObject(Greeks);
        var g = r.Greeks;
        WriteNumber(writer, Delta, g.Delta);
        WriteNumber(writer, Gamma, g.Gamma);
        WriteNumber(writer, Vega, g.Vega);
        WriteNumber(writer, Theta, g.Theta);
        WriteNumber(writer, Rho, g.Rho);
        WriteNumber(writer, CarryRho, g.CarryRho);
        WriteNumber(writer, Vanna, g.Vanna);
        WriteNumber(writer, Volga, g.Volga);
        WriteNumber(writer, Charm, g.Charm);
        writer.WriteEndObject();
        writer.WriteString(GreeksMethod, r.GreeksMethod);
        if (r.EuropeanPrice is { } european) WriteNumber(writer, EuropeanPrice, european);
        if (r.Vol is { } vol) WriteNumber(writer, Vol, vol);
        else writer.WriteNull(Vol);
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText name, double value)
    {
        Span<byte> buffer = stackalloc byte[ShortestDouble.MaxLength];
        var length = ShortestDouble.Format(value, buffer);
        writer.WritePropertyName(name);
        writer.WriteRawValue(buffer[..length], skipInputValidation: true);
    }
}
