using Analytics.Data.Entities;
using Analytics.Data.Ingestion.Storage;
using Analytics.Data.Telemetry;
using Microsoft.EntityFrameworkCore;
using Nethereum.RPC.Eth.DTOs;

namespace Analytics.Data.Indexing;

/// <summary>
/// Indexes one source's exchange events from its node into the database, from its checkpoint up to the final head
/// (head − confirmations), one block range per transaction: the range's trades and funding go through the ingest
/// writers (same tables and identities as uploads), with the range's gas, log errors, block hashes and the new
/// checkpoint, all committed together, so a run cut off anywhere resumes exactly after its last committed range.
/// </summary>
/// <remarks>
/// <para>Ranges: <c>eth_getLogs</c> asks for at most <c>blockRange</c> blocks; a refused or failed request halves the
/// range (down to one block) and each success doubles it back. Eight failures in a row end the run with the error
/// recorded; the next run starts again from the checkpoint.</para>
/// <para>Reorgs: every run first compares the checkpoint's stored hash with the node's. Block hashes chain, so when
/// it matches no indexed block changed. When it differs, the kept hashes (every block with events, every checkpoint,
/// and every block of the last <see cref="RecentHeaderBlocks"/> below the final head) are compared newest first; the
/// first one the node still has is the fork, and the rows above it are removed in the same transaction that writes the
/// re-indexed range. A reorg deeper than confirmations changed data that was final: it is counted and reported as the
/// source's last error.</para>
/// </remarks>
public sealed class OnChainIndexer(AnalyticsDbContext db, IChainClient chain, IndexerSourceOptions source, IndexerOptions options, TimeProvider time)
{
    /// <summary>Blocks below the final head whose headers are fetched whether or not they had events (exact fork points near the head).</summary>
    public const int RecentHeaderBlocks = 64;

    private const int MaxConsecutiveFailures = 8, CallAttempts = 4;

    private readonly string _contract = source.Contract.ToLowerInvariant();
    private readonly ExchangeLogDecoder _decoder = new(Market.Identifiers.Chain(source.Chain), Market.Identifiers.Venue(source.Id));
    private readonly TimeSpan _nativePriceMaxAge = TimeSpan.FromSeconds(options.NativePriceMaxAgeSeconds);
    private NativePrice? _chainNativePrice;

    /// <summary>Runs until the source is final-head current, cancelled, or stopped by repeated RPC failures.</summary>
    public async Task<IndexerRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await LoadCheckpointAsync(cancellationToken);
        long trades = 0, funding = 0, head = checkpoint.HeadBlock ?? -1;
        int logErrors = 0, reorgs = 0;
        string? error = null;
        if (checkpoint.Contract != _contract)
        {
            error = $"the stored checkpoint is for contract {checkpoint.Contract}, configuration names {_contract}: use a new source id for a new contract";
            await RecordRunAsync(checkpoint, error);
            return new IndexerRunResult(source.Id, checkpoint.LastBlock, head, 0, 0, 0, 0, false, error);
        }
        var range = source.BlockRange;
        var failures = 0;
        PendingRewind? rewind = null;
        try
        {
            var previousHead = Math.Max(checkpoint.HeadBlock ?? checkpoint.LastBlock, checkpoint.LastBlock);
            head = await CallAsync(chain.HeadAsync, cancellationToken);
            var headers = await CallAsync(ct => chain.BlocksAsync([head], ct), cancellationToken);
            checkpoint.HeadBlock = head;
            checkpoint.HeadTimestampUtc = headers.TryGetValue(head, out var headHeader) ? headHeader.TimestampUtc : checkpoint.HeadTimestampUtc;
            if (checkpoint.LastBlockHash is not null)
            {
                var atCheckpoint = await CallAsync(ct => chain.BlocksAsync([checkpoint.LastBlock], ct), cancellationToken);
                if (!atCheckpoint.TryGetValue(checkpoint.LastBlock, out var h) || h.Hash != checkpoint.LastBlockHash)
                    rewind = await FindForkAsync(checkpoint, previousHead, cancellationToken);
            }
            var finalHead = head - source.Confirmations;
            while ((checkpoint.LastBlock < finalHead || rewind is not null) && !cancellationToken.IsCancellationRequested)
            {
                var from = (rewind?.ForkBlock ?? checkpoint.LastBlock) + 1;
                var to = Math.Min(finalHead, from + range - 1);
                if (to < from)
                {
                    // The node's head fell below the fork (a reverted chain): only remove the orphaned rows.
                    await WriteRangeAsync(checkpoint, rewind!, new RangeData(from - 1, [], new Dictionary<long, BlockHeader>(), [], NoGas), cancellationToken);
                    reorgs++;
                    rewind = null;
                    continue;
                }
                RangeData data;
                try
                {
                    data = await ReadRangeAsync(from, to, finalHead, cancellationToken);
                }
                catch (Exception e) when (IsChainFailure(e, cancellationToken))
                {
                    range = Math.Max(1, range / 2);
                    if (++failures < MaxConsecutiveFailures) continue;
                    error = $"blocks {from}–{to}: {failures} failures in a row, the last: {Describe(e)}";
                    break;
                }
                var expectedParent = rewind is not null ? rewind.ForkHash : checkpoint.LastBlockHash;
                if (!data.Consistent(from, expectedParent))
                {
                    // The chain changed between the calls (or under the checkpoint): find the fork again and retry.
                    rewind = await FindForkAsync(checkpoint, head, cancellationToken);
                    if (++failures >= MaxConsecutiveFailures) { error = $"blocks {from}–{to}: the node's answers kept changing (reorgs in progress)"; break; }
                    continue;
                }
                (long Trades, long Funding, int Errors) written;
                try
                {
                    written = await WriteRangeAsync(checkpoint, rewind, data, cancellationToken);
                }
                catch (Exception e) when (IsChainFailure(e, cancellationToken))
                {
                    // The receipts failed after the range's rows were written: its transaction was rolled back, as for a failed read.
                    range = Math.Max(1, range / 2);
                    if (++failures < MaxConsecutiveFailures) continue;
                    error = $"blocks {from}–{to}: {failures} failures in a row, the last: {Describe(e)}";
                    break;
                }
                trades += written.Trades;
                funding += written.Funding;
                logErrors += written.Errors;
                if (rewind is not null) reorgs++;
                rewind = null;
                failures = 0;
                range = Math.Min(source.BlockRange, range * 2);
            }
        }
        catch (Exception e) when (IsChainFailure(e, cancellationToken))
        {
            error = Describe(e);
        }
        await RecordRunAsync(checkpoint, error);
        AnalyticsMetrics.CountIngest("trades", trades, 0);
        AnalyticsMetrics.CountIngest("funding", funding, 0);
        return new IndexerRunResult(source.Id, checkpoint.LastBlock, head, trades, funding, logErrors, reorgs,
            checkpoint.LastBlock >= head - source.Confirmations, error);
    }

    /// <summary>
    /// The logs of [from, to] with the headers they need, and the receipts of the fills' transactions as a task: asked
    /// for as soon as the logs are in, they arrive while headers are fetched, logs decoded and the range's trades
    /// written (the node sends receipts while this process works). A failure of that task surfaces in
    /// <see cref="WriteRangeAsync"/>, before anything is committed.
    /// </summary>
    private async Task<RangeData> ReadRangeAsync(long from, long to, long finalHead, CancellationToken cancellationToken)
    {
        var logs = await chain.LogsAsync(_contract, from, to, cancellationToken); // a refusal shrinks the range: no retry here
        var fills = logs.Where(ExchangeLogDecoder.IsTradeTopic).Select(l => Market.Identifiers.TxHash(l.TransactionHash ?? "")).Distinct().ToList();
        var receipts = fills.Count == 0 ? NoGas : CallAsync(ct => chain.ReceiptsAsync(fills, ct), cancellationToken);
        var handedOver = false;
        try
        {
            var wanted = new SortedSet<long> { to, from };
            foreach (var log in logs) wanted.Add((long)log.BlockNumber.Value);
            for (var b = Math.Max(from, finalHead - RecentHeaderBlocks + 1); b <= to; b++) wanted.Add(b);
            var headers = await CallAsync(ct => chain.BlocksAsync(wanted, ct), cancellationToken);
            var decoded = new List<DecodedLog>(logs.Length);
            foreach (var log in logs.OrderBy(l => l.BlockNumber.Value).ThenBy(l => l.LogIndex.Value))
            {
                var number = (long)log.BlockNumber.Value;
                if (!headers.TryGetValue(number, out var header)) return RangeData.Inconsistent(to);
                decoded.Add(_decoder.Decode(log, header.TimestampUtc));
            }
            handedOver = true;
            return new RangeData(to, logs, headers, decoded, receipts);
        }
        finally
        {
            // Left early (a failure, an inconsistent answer): the receipts are not needed; their outcome is observed, not awaited.
            if (!handedOver) _ = receipts.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        }
    }

    private static readonly Task<IReadOnlyDictionary<string, TransactionGas>> NoGas =
        Task.FromResult<IReadOnlyDictionary<string, TransactionGas>>(new Dictionary<string, TransactionGas>());

    /// <summary>Writes one range (and a pending reorg repair) in one transaction and moves the checkpoint to its end.</summary>
    private async Task<(long Trades, long Funding, int Errors)> WriteRangeAsync(IndexerCheckpointEntity checkpoint, PendingRewind? rewind,
        RangeData data, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var venue = Market.Identifiers.Venue(source.Id);
        var chainId = Market.Identifiers.Chain(source.Chain);
        // SQLite has a single writer: the receipts are awaited before its write lock is taken, so a slow node never blocks
        // the service's other writers (ingest, reports). PostgreSQL locks rows, not the database: there the trades are
        // written while the node still sends the receipts.
        if (!db.Database.IsNpgsql()) await data.Gas;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (rewind is not null)
        {
            var fork = rewind.ForkBlock;
            if (_chainNativePrice?.Block > fork) _chainNativePrice = null; // seen on the orphaned branch
            await db.Trades.Where(t => t.Chain == chainId && t.Venue == venue && t.BlockNumber > fork).ExecuteDeleteAsync(cancellationToken);
            await db.TradeGas.Where(g => g.SourceId == source.Id && g.BlockNumber > fork).ExecuteDeleteAsync(cancellationToken);
            var orphanedFunding = db.IndexedFunding.Where(f => f.SourceId == source.Id && f.BlockNumber > fork);
            await db.FundingObservations.Where(o => o.Venue == venue && orphanedFunding.Any(f => f.Market == o.Market && f.TimestampUtc == o.TimestampUtc))
                .ExecuteDeleteAsync(cancellationToken);
            await orphanedFunding.ExecuteDeleteAsync(cancellationToken);
            await db.IndexerErrors.Where(e => e.SourceId == source.Id && e.BlockNumber > fork).ExecuteDeleteAsync(cancellationToken);
            await db.IndexedBlocks.Where(b => b.SourceId == source.Id && b.BlockNumber > fork).ExecuteDeleteAsync(cancellationToken);
        }

        var errors = data.Decoded.OfType<DecodedLog.Error>().ToList();
        var tradeEvents = data.Decoded.OfType<DecodedLog.Trade>().ToList();
        // Funding is keyed by (venue, market, timestamp), and blocks can share a timestamp: the first update of a market
        // at one block time stands (as with any ingest), later ones are recorded as errors.
        var fundingEvents = new List<DecodedLog.Funding>();
        var candidates = data.Decoded.OfType<DecodedLog.Funding>().ToList();
        if (candidates.Count > 0)
        {
            var (first, last) = (candidates[0].Row.TimestampUtc, candidates[^1].Row.TimestampUtc);
            var stored = (await db.FundingObservations.AsNoTracking()
                    .Where(o => o.Venue == venue && o.TimestampUtc >= first && o.TimestampUtc <= last)
                    .Select(o => new { o.Market, o.TimestampUtc }).ToListAsync(cancellationToken))
                .Select(o => (o.Market, o.TimestampUtc)).ToHashSet();
            foreach (var f in candidates)
            {
                if (stored.Add((f.Row.Market, f.Row.TimestampUtc))) fundingEvents.Add(f);
                else errors.Add(new DecodedLog.Error(f.BlockNumber, f.TxHash, f.LogIndex,
                    $"FundingUpdated: {f.Row.Market} already has funding at block time {f.Row.TimestampUtc:O} (one per market and timestamp; the first stands)"));
            }
        }

        long insertedTrades = 0, insertedFunding = 0;
        if (tradeEvents.Count > 0) insertedTrades = await WriteRowsAsync(TableSpecs.Trades, tradeEvents.Select(t => t.Row).ToList(), now, cancellationToken);
        if (fundingEvents.Count > 0) insertedFunding = await WriteRowsAsync(TableSpecs.Funding, fundingEvents.Select(f => f.Row).ToList(), now, cancellationToken);
        // Gas rows through the same bulk path as trades (100,000 tracked entities cost EF more than the whole rest of a range).
        // The receipts come last: on PostgreSQL the trades above were written while the node sent them. Until here nothing
        // is tracked by EF (the checkpoint included), so a failure of the receipts leaves only the transaction to roll back.
        IReadOnlyList<NativePrice> storedPrices = tradeEvents.Count == 0 ? []
            : await StoredNativePricesAsync(tradeEvents.Min(t => t.Row.TimestampUtc), tradeEvents.Max(t => t.Row.TimestampUtc), cancellationToken);
        var gasRows = GasRows(tradeEvents, data.Decoded, await data.Gas, storedPrices);
        if (rewind is not null)
        {
            var fork = rewind.ForkBlock;
            checkpoint.ReorgsSeen++;
            checkpoint.LastReorgDepth = (int)Math.Min(int.MaxValue, rewind.DepthBlocks);
            checkpoint.LastReorgUtc = now;
            if (rewind.BeyondConfirmations)
            {
                checkpoint.DeepReorgsSeen++;
                checkpoint.LastError = rewind.Note;
                checkpoint.LastErrorUtc = now;
            }
            checkpoint.LastBlock = fork;
            checkpoint.LastBlockHash = rewind.ForkHash;
        }
        if (gasRows.Count > 0) await WriteRowsAsync(TableSpecs.TradeGas, gasRows, now, cancellationToken);

        db.IndexedFunding.AddRange(fundingEvents.Select(f => new IndexedFundingEntity
        {
            SourceId = source.Id, BlockNumber = f.BlockNumber, Venue = venue, Market = f.Row.Market, TimestampUtc = f.Row.TimestampUtc,
        }));
        db.IndexerErrors.AddRange(errors.Select(e => new IndexerErrorEntity
        {
            SourceId = source.Id, BlockNumber = e.BlockNumber, TxHash = e.TxHash, LogIndex = e.LogIndex,
            Message = e.Message.Length <= 1000 ? e.Message : e.Message[..1000], RecordedUtc = now,
        }));
        foreach (var header in data.Headers.Values.Where(h => h.Number > checkpoint.LastBlock && h.Number <= data.To))
            db.IndexedBlocks.Add(new IndexedBlockEntity { SourceId = source.Id, BlockNumber = header.Number, Hash = header.Hash, TimestampUtc = header.TimestampUtc });
        var keepFrom = data.To - options.KeptBlocks;
        await db.IndexedBlocks.Where(b => b.SourceId == source.Id && b.BlockNumber < keepFrom).ExecuteDeleteAsync(cancellationToken);

        if (data.Headers.TryGetValue(data.To, out var end))
        {
            checkpoint.LastBlock = data.To;
            checkpoint.LastBlockHash = end.Hash;
            checkpoint.LastBlockTimestampUtc = end.TimestampUtc;
        }
        await db.SaveChangesAsync(cancellationToken); // the checkpoint's LastBlock is a concurrency token: a second runner fails here
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        db.Attach(checkpoint);
        return (insertedTrades, insertedFunding, errors.Count);
    }

    private async Task<long> WriteRowsAsync<T>(TableSpec<T> spec, IReadOnlyList<T> rows, DateTime now, CancellationToken cancellationToken) where T : class
    {
        await using var writer = BulkWriter<T>.Create(db, spec, now);
        await writer.BeginAsync(cancellationToken);
        await writer.WriteAsync(rows.Select((r, i) => ((long)i + 1, r)).ToList(), cancellationToken);
        return (await writer.FinishAsync(cancellationToken)).Inserted;
    }

    /// <summary>
    /// Each trade's share of its transaction's gas (shared equally by the trades of one transaction), in ETH and USD. The
    /// USD figure uses the latest ETH price known at or before the trade's block time and at most
    /// <see cref="IndexerOptions.NativePriceMaxAgeSeconds"/> older (issue 15: never a later price, nor an arbitrarily old
    /// one); without one, <c>NativePriceUsd</c> and <c>GasCostUsd</c> stay null. Candidates: the ETH index prices of this
    /// run's events, in event order (a trade's own when its underlying is ETH), and the stored ETH prices
    /// (<paramref name="storedPrices"/>, any source, each at its instant); on equal instants the event's.
    /// </summary>
    private List<TradeGasEntity> GasRows(List<DecodedLog.Trade> trades, IReadOnlyList<DecodedLog> decoded, IReadOnlyDictionary<string, TransactionGas> gasByTransaction,
        IReadOnlyList<NativePrice> storedPrices)
    {
        var perTransaction = trades.GroupBy(t => t.TxHash).ToDictionary(g => g.Key, g => g.Count());
        var rows = new List<TradeGasEntity>(trades.Count);
        var chainId = Market.Identifiers.Chain(source.Chain);
        // Native token prices from the range in event order: a trade without its own uses the latest one before it.
        foreach (var item in decoded)
        {
            switch (item)
            {
                case DecodedLog.Funding f when f.Row.Market.StartsWith(ExchangeLogDecoder.NativeToken + "-", StringComparison.Ordinal) && f.Row.IndexPrice is { } p:
                    _chainNativePrice = new NativePrice(f.Row.TimestampUtc, p, f.BlockNumber);
                    break;
                case DecodedLog.Trade t:
                    if (t.NativePriceUsd is { } own) _chainNativePrice = new NativePrice(t.Row.TimestampUtc, own, t.BlockNumber);
                    if (!gasByTransaction.TryGetValue(t.TxHash, out var gas)) break;
                    var share = 1.0 / perTransaction[t.TxHash];
                    var native = gas.TotalFeeWei / 1e18 * share;
                    var priceUsd = NativePriceAt(t.Row.TimestampUtc, storedPrices);
                    rows.Add(new TradeGasEntity
                    {
                        Chain = chainId, TxHash = t.TxHash, LogIndex = t.LogIndex, SourceId = source.Id, BlockNumber = t.BlockNumber,
                        TimestampUtc = t.Row.TimestampUtc, GasUsed = gas.GasUsed * share, EffectiveGasPriceWei = gas.EffectiveGasPriceWei,
                        L1FeeNative = gas.L1FeeWei / 1e18 * share, GasCostNative = native, NativePriceUsd = priceUsd, GasCostUsd = native * priceUsd,
                    });
                    break;
            }
        }
        return rows;
    }

    /// <summary>The latest ETH price at or before <paramref name="atUtc"/> (events first on a tie) if at most the maximum age old; else null.</summary>
    private double? NativePriceAt(DateTime atUtc, IReadOnlyList<NativePrice> storedPrices)
    {
        var best = _chainNativePrice is { } c && c.AtUtc <= atUtc ? c : (NativePrice?)null;
        // storedPrices is ordered by instant (then id): the last one at or before atUtc, by binary search.
        int lo = 0, hi = storedPrices.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (storedPrices[mid].AtUtc <= atUtc) lo = mid + 1;
            else hi = mid;
        }
        if (lo > 0 && (best is null || storedPrices[lo - 1].AtUtc > best.Value.AtUtc)) best = storedPrices[lo - 1];
        return best is { } b && atUtc - b.AtUtc <= _nativePriceMaxAge ? b.Usd : null;
    }

    /// <summary>
    /// Compares the kept hashes with the node, newest first; the first match is the fork. The depth is counted from
    /// <paramref name="head"/>, the highest block seen on the old branch (the previous run's head).
    /// </summary>
    private async Task<PendingRewind> FindForkAsync(IndexerCheckpointEntity checkpoint, long head, CancellationToken cancellationToken)
    {
        var kept = await db.IndexedBlocks.AsNoTracking().Where(b => b.SourceId == source.Id && b.BlockNumber <= checkpoint.LastBlock)
            .OrderByDescending(b => b.BlockNumber).ToListAsync(cancellationToken);
        var node = await CallAsync(ct => chain.BlocksAsync(kept.Select(b => b.BlockNumber).ToList(), ct), cancellationToken);
        var match = kept.FirstOrDefault(b => node.TryGetValue(b.BlockNumber, out var h) && h.Hash == b.Hash);
        var fork = match?.BlockNumber ?? source.FirstBlock - 1;
        var depth = Math.Max(0, head - fork);
        var orphaned = Math.Max(0, checkpoint.LastBlock - fork);
        var beyond = depth > source.Confirmations;
        var note = match is null
            ? $"reorg below the {kept.Count} kept block hashes (checkpoint {checkpoint.LastBlock}): every row of the source was re-indexed from block {source.FirstBlock}"
            : $"reorg of depth {depth} below the old head {head} (beyond {source.Confirmations} confirmations: {beyond.ToString().ToLowerInvariant()}): " +
              $"{orphaned} final block(s) after block {fork} were orphaned and re-indexed";
        return new PendingRewind(fork, match?.Hash, depth, orphaned, beyond, note);
    }

    private async Task<IndexerCheckpointEntity> LoadCheckpointAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await db.IndexerCheckpoints.FirstOrDefaultAsync(c => c.SourceId == source.Id, cancellationToken);
        if (checkpoint is not null) return checkpoint;
        checkpoint = new IndexerCheckpointEntity
        {
            SourceId = source.Id, Chain = Market.Identifiers.Chain(source.Chain), Contract = _contract, LastBlock = source.FirstBlock - 1,
        };
        db.IndexerCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(cancellationToken);
        return checkpoint;
    }

    private async Task RecordRunAsync(IndexerCheckpointEntity checkpoint, string? error)
    {
        var now = time.GetUtcNow().UtcDateTime;
        checkpoint.LastRunUtc = now;
        if (error is not null)
        {
            checkpoint.LastError = error.Length <= 2000 ? error : error[..2000];
            checkpoint.LastErrorUtc = now;
        }
        await db.SaveChangesAsync(CancellationToken.None); // a cancelled run still records where it stopped
    }

    /// <summary>
    /// The stored ETH prices (any source) a trade between <paramref name="fromUtc"/> and <paramref name="toUtc"/> may use:
    /// stamped from the maximum age before the first up to the last, ordered by instant then id (the later row wins a tie,
    /// as in the market snapshot).
    /// </summary>
    private async Task<IReadOnlyList<NativePrice>> StoredNativePricesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var earliest = fromUtc - _nativePriceMaxAge;
        var rows = await db.PriceObservations.AsNoTracking()
            .Where(p => p.Underlying == ExchangeLogDecoder.NativeToken && p.TimestampUtc >= earliest && p.TimestampUtc <= toUtc
                        && !p.Source.StartsWith(Market.PriceSources.DatedFuturePrefix))
            .OrderBy(p => p.TimestampUtc).ThenBy(p => p.Id).Select(p => new { p.TimestampUtc, p.Close }).ToListAsync(cancellationToken);
        return rows.Select(r => new NativePrice(DateTime.SpecifyKind(r.TimestampUtc, DateTimeKind.Utc), r.Close, null)).ToList();
    }

    /// <summary>An ETH price in USD and the instant it was known; <paramref name="Block"/> when it came from an event of this source.</summary>
    private readonly record struct NativePrice(DateTime AtUtc, double Usd, long? Block);

    /// <summary>A chain call retried a few times on failure (a node or proxy that drops some calls).</summary>
    private static async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (Exception e) when (attempt < CallAttempts && IsChainFailure(e, cancellationToken))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(25 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="e"/> came from the node or the transport (Nethereum's RPC exceptions, HTTP, timeouts,
    /// unreadable answers) rather than from our own cancellation or the database.
    /// </summary>
    private static bool IsChainFailure(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is not System.Data.Common.DbException and not DbUpdateException
            and not InvalidOperationException { Source: "Microsoft.EntityFrameworkCore" }
        && (e is Nethereum.JsonRpc.Client.RpcResponseException or Nethereum.JsonRpc.Client.RpcClientUnknownException
            or Nethereum.JsonRpc.Client.RpcClientTimeoutException or HttpRequestException or TaskCanceledException
            or Newtonsoft.Json.JsonException or FormatException or IOException);

    private static string Describe(Exception e) => e switch
    {
        Nethereum.JsonRpc.Client.RpcResponseException r => $"node refused: {r.RpcError?.Message ?? r.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    /// <summary>One range as read from the node.</summary>
    private sealed record RangeData(long To, FilterLog[] Logs, IReadOnlyDictionary<long, BlockHeader> Headers,
        IReadOnlyList<DecodedLog> Decoded, Task<IReadOnlyDictionary<string, TransactionGas>> Gas)
    {
        private bool _inconsistent;

        public static RangeData Inconsistent(long to) =>
            new(to, [], new Dictionary<long, BlockHeader>(), [], NoGas) { _inconsistent = true };

        /// <summary>Every log's block hash is the header's, and the range's first block extends the checkpoint.</summary>
        public bool Consistent(long from, string? expectedParentHash)
        {
            if (_inconsistent || !Headers.ContainsKey(To)) return false;
            foreach (var log in Logs)
                if (!Headers.TryGetValue((long)log.BlockNumber.Value, out var h) || !string.Equals(h.Hash, log.BlockHash, StringComparison.OrdinalIgnoreCase))
                    return false;
            return expectedParentHash is null || !Headers.TryGetValue(from, out var first) || first.ParentHash == expectedParentHash;
        }
    }
}
