using System.Collections.Concurrent;
using Analytics.Data.Risk;

namespace Analytics.Api.Endpoints.Risk;

/// <summary>
/// The recent VaR runs of this node by id, for <c>GET /risk/var/{id}.svg</c>: at most <see cref="Capacity"/>, the oldest
/// dropped first. Not shared between nodes and not persistent (stored risk reports are the reports' job).
/// </summary>
internal sealed class VarRunCache
{
    public const int Capacity = 500;
    private readonly ConcurrentDictionary<string, VarRun> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public string Add(VarRun run)
    {
        var id = Guid.NewGuid().ToString("N")[..16];
        _runs[id] = run;
        _order.Enqueue(id);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest)) _runs.TryRemove(oldest, out _);
        return id;
    }

    public VarRun? Find(string id) => _runs.TryGetValue(id, out var run) ? run : null;
}
