using System.Text.Json;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Errors;
using Analytics.Api.Serialization;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// Reads <c>{ "options": [ ... ] }</c> so that an item that is not valid JSON for its type (a string for a number, an
/// unknown enum value) fails only its own slot. The whole body is deserialised at once; only when that fails is it
/// read again item by item to find which slots are broken. A body that is not JSON at all fails the request.
/// An optional fast parser may read the body first; when it declines (null), the serializer reads it.
/// </summary>
internal static class BatchReader
{
    public static async Task<(List<BatchItem<T>>? Items, FieldErrors Errors)> ReadAsync<T>(
        HttpRequest request, JsonSerializerOptions json, int maxItems, CancellationToken cancellationToken,
        Func<ReadOnlyMemory<byte>, List<T>?>? fastParse = null) where T : class
    {
        var errors = new FieldErrors();
        // Sized from Content-Length (capped: the header is the client's word; Kestrel enforces the real limit).
        using var buffer = new PooledBufferWriter((int)Math.Clamp(request.ContentLength ?? 0, 0, 16 << 20) + 1);
        await buffer.ReadFromAsync(request.Body, cancellationToken);
        var bytes = buffer.WrittenMemory;

        List<BatchItem<T>>? items;
        try
        {
            items = fastParse?.Invoke(bytes) is { } parsed ? parsed.ConvertAll(o => new BatchItem<T>(o, null)) : null;
            items ??= ReadWhole<T>(bytes, json);
        }
        catch (JsonException)
        {
            items = ReadItemByItem<T>(bytes, json, maxItems, errors);
        }

        if (items is null && errors.IsEmpty) errors.Add("options", "is required: an array of items.");
        else if (items is { Count: 0 }) errors.Add("options", "is empty: give at least one item.");
        else if (items is not null && items.Count > maxItems && errors.IsEmpty) errors.Add("options", $"has {items.Count} items; at most {maxItems} are accepted per request.");
        return (errors.IsEmpty ? items : null, errors);
    }

    private static List<BatchItem<T>>? ReadWhole<T>(ReadOnlyMemory<byte> bytes, JsonSerializerOptions json) where T : class
    {
        var envelope = JsonSerializer.Deserialize<BatchRequest<T>>(bytes.Span, json);
        return envelope?.Options?.Select(o => new BatchItem<T>(o, o is null ? NullItem : null)).ToList();
    }

    private static readonly Dictionary<string, string[]> NullItem = new() { ["body"] = ["is null: each item must be an object."] };

    private static readonly Dictionary<string, string[]> NotAnObject = new() { ["body"] = ["is not an object: each item must be a JSON object."] };

    /// <summary>
    /// The slow path, for a body the serializer refused. Over-long arrays are refused before any item is read and items
    /// that are not objects fail without the serializer: a 400 KB body of 200,000 bare numbers used to cost one thrown
    /// exception per item (seconds of CPU for a request that can only be refused).
    /// </summary>
    private static List<BatchItem<T>>? ReadItemByItem<T>(ReadOnlyMemory<byte> bytes, JsonSerializerOptions json, int maxItems, FieldErrors errors) where T : class
    {
        JsonDocument document;
        try
        {
            // A name given twice anywhere (the envelope or an item) fails the request, as on every JSON endpoint.
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            if (JsonPaths.DuplicateField(e) is { } duplicate) errors.Add(duplicate, JsonPaths.DuplicateReason);
            else errors.Add(JsonPaths.ToFieldName(e.Path), $"is not valid JSON: {e.Message}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array)
            {
                errors.Add("options", "is required: the body must be an object with an \"options\" array.");
                return null;
            }
            foreach (var property in root.EnumerateObject().Where(p => p.Name != "options"))
                errors.Add(property.Name, "is not a field of this request (check the spelling; field names are camelCase).");
            if (!errors.IsEmpty) return null;
            if (options.GetArrayLength() > maxItems)
            {
                errors.Add("options", $"has {options.GetArrayLength()} items; at most {maxItems} are accepted per request.");
                return null;
            }

            var items = new List<BatchItem<T>>(options.GetArrayLength());
            foreach (var element in options.EnumerateArray())
            {
                if (element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    items.Add(new BatchItem<T>(null, NotAnObject));
                    continue;
                }
                try
                {
                    var value = element.Deserialize<T>(json);
                    items.Add(new BatchItem<T>(value, value is null ? NullItem : null));
                }
                catch (JsonException e)
                {
                    items.Add(new BatchItem<T>(null, new Dictionary<string, string[]> { [JsonPaths.ToFieldName(e.Path)] = [JsonPaths.Describe(e, typeof(T))] }));
                }
            }
            return items;
        }
    }
}
