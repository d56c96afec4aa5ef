using System.Text;
using System.Text.Json;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Serialization;
using Analytics.Pricing;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// Writes one price-batch slot. The common slot (a USD price without <c>l2</c> block, bumped Greeks or surface id) is
/// composed as raw JSON, byte for byte what <see cref="JsonSerializer"/> writes for it with the service's options
/// (camelCase, nulls written except where the contract omits them), with numbers formatted by
/// <see cref="ShortestDouble"/>; every other slot goes through <see cref="JsonSerializer"/> itself. Tests compare
/// the two on varied slots.
/// </summary>
internal static class OptionPriceSlotWriter
{
    /// <summary>Room for the fixed names, 16 numbers of at most <see cref="ShortestDouble.MaxLength"/> bytes and three ids.</summary>
    private const int MaxSlotLength = 1024;

    private const int MaxIdLength = 64;

    private static readonly byte[][] EngineIds =
        Enum.GetValues<PricingEngine>().Select(e => Encoding.UTF8.GetBytes(EnumNames.Of(e))).ToArray();

    private static readonly byte[][] Units =
        Enum.GetValues<GreekUnits>().Select(u => Encoding.UTF8.GetBytes(EnumNames.Of(u))).ToArray();

    public static void Write(Utf8JsonWriter writer, OptionPriceSlot slot, JsonSerializerOptions options)
    {
        if (slot is not OptionPriceResponse { L2: null, BumpedGreeks: null, SurfaceId: null, SurfaceModel: null, SurfaceAsOf: null, PremiumCurrency: null, Limit: null } r || !IsPlainId(r.GreeksMethod))
        {
            JsonSerializer.Serialize(writer, slot, options);
            return;
        }

        var json = new RawJson(stackalloc byte[MaxSlotLength]);
        json.Field("{\"price\":"u8, r.Price);
        json.Append(",\"engine\":\""u8);
        json.Append(EngineIds[(int)r.Engine]);
        json.Field("\",\"forward\":"u8, r.Forward);
        json.Field(",\"discountFactor\":"u8, r.DiscountFactor);
        json.Field(",\"tenorYears\":"u8, r.TenorYears);
        json.Field(",\"carryRate\":"u8, r.CarryRate);
        var g = r.Greeks;
        json.Field(",\"greeks\":{\"delta\":"u8, g.Delta);
        json.Field(",\"gamma\":"u8, g.Gamma);
        json.Field(",\"vega\":"u8, g.Vega);
        json.Field(",\"theta\":"u8, g.Theta);
        json.Field(",\"rho\":"u8, g.Rho);
        json.Field(",\"carryRho\":"u8, g.CarryRho);
        json.Field(",\"vanna\":"u8, g.Vanna);
        json.Field(",\"volga\":"u8, g.Volga);
        json.Field(",\"charm\":"u8, g.Charm);
        json.Append("},\"greeksMethod\":\""u8);
        json.Ascii(r.GreeksMethod);
        json.Append("\""u8);
        if (r.EuropeanPrice is { } european) json.Field(",\"europeanPrice\":"u8, european);
        if (r.Vol is { } vol) json.Field(",\"vol\":"u8, vol);
        else json.Append(",\"vol\":null"u8);
        json.Append(",\"greekUnits\":\""u8);
        json.Append(Units[(int)r.GreekUnits]);
        json.Append("\"}"u8);
        writer.WriteRawValue(json.Written, skipInputValidation: true);
    }

    /// <summary>A short id of lower-case letters and hyphens: written as is, no JSON escaping needed.</summary>
    private static bool IsPlainId(string text) =>
        text.Length <= MaxIdLength && text.AsSpan().IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz-") < 0;

    /// <summary>Appends JSON text to a caller's span.</summary>
    private ref struct RawJson(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;
        private int _length;

        public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

        public void Append(ReadOnlySpan<byte> text)
        {
            text.CopyTo(_buffer[_length..]);
            _length += text.Length;
        }

        /// <summary>The name part (with its punctuation) and a number.</summary>
        public void Field(ReadOnlySpan<byte> namePart, double value)
        {
            Append(namePart);
            _length += ShortestDouble.Format(value, _buffer[_length..]);
        }

        public void Ascii(string text) => _length += Encoding.ASCII.GetBytes(text, _buffer[_length..]);
    }
}
