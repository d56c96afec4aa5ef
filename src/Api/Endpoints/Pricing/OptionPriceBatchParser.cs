using System.Text.Json;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Serialization;
using Analytics.Pricing;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// A fast path for the common <c>POST /options/price/batch</c> body: <c>{"options":[{...},...]}</c> with plain items.
/// It reads with one <see cref="Utf8JsonReader"/> pass and builds the same <see cref="OptionPriceRequest"/> records
/// as <see cref="JsonSerializer"/>, but accepts only what it reads exactly as the serializer does: the camelCase
/// names as written (no escapes, no duplicates), numbers as numbers, enum ids as written, no <c>l2</c> block, no null
/// item. On anything else it gives up and the caller reads the body with <see cref="JsonSerializer"/>, so the two
/// paths never disagree and every error message comes from one place.
/// </summary>
internal static class OptionPriceBatchParser
{
    private static readonly byte[][] Names =
    [
        "type"u8.ToArray(), "style"u8.ToArray(), "spot"u8.ToArray(), "forward"u8.ToArray(), "strike"u8.ToArray(),
        "tenorYears"u8.ToArray(), "expiry"u8.ToArray(), "valuationTime"u8.ToArray(), "vol"u8.ToArray(), "rate"u8.ToArray(),
        "dividendYield"u8.ToArray(), "carryRate"u8.ToArray(), "engine"u8.ToArray(), "l2"u8.ToArray(), "volSource"u8.ToArray(),
        "underlying"u8.ToArray(), "premiumCurrency"u8.ToArray(), "surfaceId"u8.ToArray(), "timeSteps"u8.ToArray(), "gridPoints"u8.ToArray(),
        "greekUnits"u8.ToArray(),
    ];

    private static readonly EnumIds<OptionRight> Types = new();
    private static readonly EnumIds<OptionExerciseStyle> Styles = new();
    private static readonly EnumIds<PricingEngine> Engines = new();
    private static readonly EnumIds<VolSource> VolSources = new();
    private static readonly EnumIds<PremiumCurrency> PremiumCurrencies = new();
    private static readonly EnumIds<GreekUnits> Units = new();

    /// <summary>The items of <paramref name="body"/>, or null when the body is not of the plain form this path reads.</summary>
    public static List<OptionPriceRequest>? TryParse(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped || !reader.ValueSpan.SequenceEqual("options"u8)
                || !reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                return null;

            var items = new List<OptionPriceRequest>(body.Length / 120);
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                if (ReadItem(ref reader) is not { } item) return null;
                items.Add(item);
            }

            var complete = reader.TokenType == JsonTokenType.EndArray
                           && reader.Read() && reader.TokenType == JsonTokenType.EndObject
                           && !reader.Read();
            return complete ? items : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static OptionPriceRequest? ReadItem(ref Utf8JsonReader reader)
    {
        OptionRight? type = null;
        OptionExerciseStyle? style = null;
        PricingEngine? engine = null;
        VolSource? volSource = null;
        PremiumCurrency? premiumCurrency = null;
        GreekUnits? greekUnits = null;
        double? spot = null, forward = null, strike = null, tenorYears = null, vol = null, rate = null, dividendYield = null, carryRate = null;
        int? timeSteps = null, gridPoints = null;
        DateTimeOffset? expiry = null, valuationTime = null;
        string? underlying = null;
        long? surfaceId = null;

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueIsEscaped ? -1 : IndexOf(reader.ValueSpan);
            if (field < 0 || (seen & (1 << field)) != 0 || !reader.Read()) return null;
            seen |= 1 << field;
            if (reader.TokenType == JsonTokenType.Null) continue; // null is the default of every field

            var ok = field switch
            {
                0 => Types.TryRead(ref reader, out type),
                1 => Styles.TryRead(ref reader, out style),
                2 => TryReadNumber(ref reader, out spot),
                3 => TryReadNumber(ref reader, out forward),
                4 => TryReadNumber(ref reader, out strike),
                5 => TryReadNumber(ref reader, out tenorYears),
                6 => TryReadExpiry(ref reader, out expiry),
                7 => TryReadInstant(ref reader, out valuationTime),
                8 => TryReadNumber(ref reader, out vol),
                9 => TryReadNumber(ref reader, out rate),
                10 => TryReadNumber(ref reader, out dividendYield),
                11 => TryReadNumber(ref reader, out carryRate),
                12 => Engines.TryRead(ref reader, out engine),
                14 => VolSources.TryRead(ref reader, out volSource),
                15 => TryReadString(ref reader, out underlying),
                16 => PremiumCurrencies.TryRead(ref reader, out premiumCurrency),
                17 => TryReadInteger(ref reader, out surfaceId),
                18 => TryReadInteger(ref reader, out timeSteps),
                19 => TryReadInteger(ref reader, out gridPoints),
                20 => Units.TryRead(ref reader, out greekUnits),
                _ => false, // l2: an object, left to the serializer
            };
            if (!ok) return null;
        }

        return reader.TokenType == JsonTokenType.EndObject
            ? new OptionPriceRequest(type, style, spot, forward, strike, tenorYears, expiry, valuationTime, vol, rate,
                dividendYield, carryRate, engine, L2: null, volSource, underlying, premiumCurrency, surfaceId, timeSteps, gridPoints, greekUnits)
            : null;
    }

    private static int IndexOf(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < Names.Length; i++)
            if (name.SequenceEqual(Names[i])) return i;
        return -1;
    }

    private static bool TryReadNumber(ref Utf8JsonReader reader, out double? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var number) || !double.IsFinite(number)) return false;
        value = number;
        return true;
    }

    private static bool TryReadInteger(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var number)) return false;
        value = number;
        return true;
    }

    private static bool TryReadInteger(ref Utf8JsonReader reader, out int? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var number)) return false;
        value = number;
        return true;
    }

    /// <summary>An expiry by <see cref="ExpiryInstant"/>: a date alone is 08:00 UTC, as on the single-option endpoint.</summary>
    private static bool TryReadExpiry(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String || !ExpiryInstant.TryParse(reader.GetString(), out var expiry)) return false;
        value = expiry;
        return true;
    }

    private static bool TryReadInstant(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var instant)) return false;
        value = instant;
        return true;
    }

    private static bool TryReadString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    /// <summary>An enum's API ids (<see cref="EnumNames"/>) as UTF-8.</summary>
    private sealed class EnumIds<T> where T : struct, Enum
    {
        private readonly (byte[] Id, T Value)[] _ids = Enum.GetValues<T>()
            .Select(v => (System.Text.Encoding.UTF8.GetBytes(EnumNames.Of(v)), v))
            .ToArray();

        public bool TryRead(ref Utf8JsonReader reader, out T? value)
        {
            value = null;
            if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped) return false;
            foreach (var (id, candidate) in _ids)
            {
                if (!reader.ValueSpan.SequenceEqual(id)) continue;
                value = candidate;
                return true;
            }
            return false;
        }
    }
}
