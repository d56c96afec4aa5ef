using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Api.Serialization;

/// <summary>Reads an <c>expiry</c> field by <see cref="ExpiryInstant"/> (a date alone is 08:00 UTC); writes ISO-8601.</summary>
internal sealed class ExpiryJsonConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType == JsonTokenType.String && ExpiryInstant.TryParse(reader.GetString(), out var expiry)) return expiry;
        throw new JsonException("expected an ISO-8601 instant or a date (yyyy-MM-dd, meaning 08:00 UTC).");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteStringValue(v);
        else writer.WriteNullValue();
    }
}
