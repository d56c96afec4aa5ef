using System.Buffers;
using System.Text.Json;
using Analytics.Api.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// Writes <c>{ "results": [ ... ] }</c> for a large batch: the slots are written by <paramref name="writeSlot"/> in
/// chunks on the thread pool, and each chunk goes to the response, in order, as soon as it and those before it are
/// done, so formatting (a hundred thousand doubles in a 10,000-option response) overlaps with sending. The JSON is
/// identical to serialising the response record when <paramref name="writeSlot"/> writes what the serializer would.
/// A slot that cannot be written (<paramref name="writeSlot"/> throws, e.g. on a non-finite number) is replaced by what
/// <paramref name="writeUnwritable"/> writes, in its own slot: the body is always valid JSON (issue 14 item 3).
/// </summary>
internal sealed class ParallelJsonArrayResult<TSlot>(
    IReadOnlyList<TSlot> slots, Action<Utf8JsonWriter, TSlot, JsonSerializerOptions> writeSlot,
    Action<Utf8JsonWriter, Exception> writeUnwritable) : IResult
{
    private const int ChunkSize = 512;

    public async Task ExecuteAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var writerOptions = new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented };
        var chunkCount = (slots.Count + ChunkSize - 1) / ChunkSize;
        // Queued in order (the pool's global queue is first in, first out), so they tend to finish in order.
        var chunks = new Task<PooledBufferWriter>[chunkCount];
        for (var c = 0; c < chunkCount; c++)
        {
            var start = c * ChunkSize;
            chunks[c] = chunkCount == 1
                ? Task.FromResult(WriteChunk(start, slots.Count, options, writerOptions))
                : Task.Run(() => WriteChunk(start, Math.Min(start + ChunkSize, slots.Count), options, writerOptions));
        }

        // The first chunk before the status line: a slot that cannot be written then still gets a 500 problem.
        var sent = 0;
        try
        {
            if (chunkCount > 0) await chunks[0];
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json; charset=utf-8";
            var body = context.Response.BodyWriter;
            body.Write("{\"results\":["u8);
            for (; sent < chunkCount; sent++)
            {
                using (var chunk = await chunks[sent])
                {
                    if (sent > 0) body.Write(","u8);
                    body.Write(chunk.WrittenSpan[1..^1]); // without the chunk's own brackets: the chunks join into one array
                }
                await body.FlushAsync(context.RequestAborted);
            }
            body.Write("]}"u8);
            await body.FlushAsync(context.RequestAborted);
        }
        finally
        {
            // A failed or aborted response leaves chunks unsent: return their buffers when they are done.
            for (var c = sent + 1; c < chunkCount; c++)
                _ = chunks[c].ContinueWith(static t =>
                {
                    if (t.IsCompletedSuccessfully) t.Result.Dispose();
                    else _ = t.Exception; // observed
                }, TaskScheduler.Default);
        }
    }

    /// <summary>Slots [start, end) as a JSON array; each slot is written as a value of its own, so one that fails is cut
    /// back out of the buffer and replaced.</summary>
    private PooledBufferWriter WriteChunk(int start, int end, JsonSerializerOptions options, JsonWriterOptions writerOptions)
    {
        var buffer = new PooledBufferWriter((end - start) * 512);
        using var writer = new Utf8JsonWriter(buffer, writerOptions);
        buffer.Write("["u8);
        for (var i = start; i < end; i++)
        {
            if (i > start) buffer.Write(","u8);
            var mark = buffer.WrittenCount;
            try
            {
                writeSlot(writer, slots[i], options);
                writer.Flush();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or JsonException or NotSupportedException)
            {
                writer.Reset(buffer);
                buffer.Truncate(mark);
                writeUnwritable(writer, e);
                writer.Flush();
            }
            writer.Reset(buffer);
        }
        buffer.Write("]"u8);
        return buffer;
    }
}
