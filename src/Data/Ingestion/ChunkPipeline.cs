using System.Threading.Channels;

namespace Analytics.Data.Ingestion;

/// <summary>
/// Gathers items into chunks and hands each full chunk to a writer running on another thread, so the producer fills
/// the next chunk while the writer stores the last: at most two chunks wait besides the one being written (bounded
/// memory). A writer failure surfaces in the producer's next <see cref="AddAsync"/> or in <see cref="CompleteAsync"/>;
/// disposing always waits for the writer to stop, so nothing touches the writer's resources afterwards.
/// </summary>
internal sealed class ChunkPipeline<TItem> : IAsyncDisposable
{
    private readonly int _chunkSize;
    private readonly Channel<List<TItem>> _chunks = Channel.CreateBounded<List<TItem>>(
        new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
    private readonly Task<long> _writing;
    private readonly CancellationToken _cancellationToken;
    private List<TItem> _current;

    public ChunkPipeline(int chunkSize, Func<List<TItem>, Task> write, CancellationToken cancellationToken)
    {
        _chunkSize = chunkSize;
        _current = new List<TItem>(chunkSize);
        _cancellationToken = cancellationToken;
        _writing = Task.Run(() => WriteAllAsync(write), cancellationToken);
    }

    public ValueTask AddAsync(TItem item)
    {
        _current.Add(item);
        return _current.Count < _chunkSize ? ValueTask.CompletedTask : FlushAsync();
    }

    /// <summary>Writes what is left and waits for the writer; returns how many items were written.</summary>
    public async Task<long> CompleteAsync()
    {
        if (_current.Count > 0) await FlushAsync();
        _chunks.Writer.TryComplete();
        return await _writing;
    }

    private async ValueTask FlushAsync()
    {
        var full = _current;
        _current = new List<TItem>(_chunkSize);
        try { await _chunks.Writer.WriteAsync(full, _cancellationToken); }
        catch (ChannelClosedException) { await _writing; throw; } // the writer failed: rethrow its exception
    }

    private async Task<long> WriteAllAsync(Func<List<TItem>, Task> write)
    {
        long written = 0;
        try
        {
            await foreach (var chunk in _chunks.Reader.ReadAllAsync(_cancellationToken))
            {
                await write(chunk);
                written += chunk.Count;
            }
            return written;
        }
        catch (Exception ex)
        {
            _chunks.Writer.TryComplete(ex);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _chunks.Writer.TryComplete();
        try { await _writing; }
        catch (Exception) { /* surfaced to the producer already, or the batch is being abandoned (rolled back) */ }
    }
}
