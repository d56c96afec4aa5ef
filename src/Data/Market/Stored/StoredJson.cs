using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Data.Market.Stored;

/// <summary>
/// The JSON settings of the surface columns: camelCase names of the records in this folder, strict numbers (NaN is
/// stored as null by the mapping, never as text). Data owns this shape; the API's contracts never reach storage.
/// </summary>
internal static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"A stored {typeof(T).Name} is JSON null.");
}
