using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// Writes <c>{ "results": [ ... ] }</c> for a large batch with the slots serialised in parallel chunks: formatting
/// a hundred thousand doubles dominates a 10,000-option response, and it is independent per slot. Small batches are
/// written in one piece. The JSON is identical to serialising the response record.
/// </summary>
internal sealed class ParallelJsonArrayResult<TSlot>(IReadOnlyList<TSlot> slots) : IResult
{
    private const int ChunkSize = 1024;
    private static readonly byte[] Prefix = "{\"results\":["u8.ToArray();
    private static readonly byte[] Suffix = "]}"u8.ToArray();

    public async Task ExecuteAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var chunkCount = (slots.Count + ChunkSize - 1) / ChunkSize;
        var chunks = new byte[chunkCount][];
        Parallel.For(0, chunkCount, c =>
        {
            var start = c * ChunkSize;
            var length = Math.Min(ChunkSize, slots.Count - start);
            var segment = new TSlot[length];
            for (var i = 0; i < length; i++) segment[i] = slots[start + i];
            var json = JsonSerializer.SerializeToUtf8Bytes(segment, options); // "[a,b,...]"
            chunks[c] = json;
        });

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = context.Response.Body;
        await body.WriteAsync(Prefix, context.RequestAborted);
        for (var c = 0; c < chunkCount; c++)
        {
            if (c > 0) await body.WriteAsync(","u8.ToArray(), context.RequestAborted);
            // Strip the chunk's own brackets: the chunks join into one array.
            await body.WriteAsync(chunks[c].AsMemory(1, chunks[c].Length - 2), context.RequestAborted);
        }
        await body.WriteAsync(Suffix, context.RequestAborted);
    }
}
