using System.ComponentModel.DataAnnotations;

namespace Analytics.Data.Indexing;

/// <summary>The <c>Indexer</c> configuration section: the on-chain sources and the lag readiness tolerates.</summary>
public sealed class IndexerOptions : IValidatableObject
{
    public const string Section = "Indexer";

    private const double MaxNativePriceAgeSeconds = 315_576_000;

    /// <summary><c>Indexer:Sources</c>: one entry per exchange contract read.</summary>
    public List<IndexerSourceOptions> Sources { get; set; } = [];

    /// <summary>Readiness reports Degraded when a source is more than this many blocks behind its final head (head − confirmations).</summary>
    public long MaxLagBlocks { get; set; } = 100;

    /// <summary>Readiness reports Degraded when a source's last indexed block is more than this many seconds older than the head.</summary>
    public double MaxLagSeconds { get; set; } = 600;

    /// <summary>Block hashes kept per source for reorg detection (the deepest repairable reorg without a full re-index).</summary>
    public int KeptBlocks { get; set; } = 256;

    /// <summary>
    /// The oldest ETH price, in seconds before a trade's block time, that turns its gas into USD (the latest price at or
    /// before the block time: an event's index price or a stored price); with none that recent the trade's USD gas is
    /// left unknown. One day by default, so a stored daily close serves the next day's trades.
    /// </summary>
    public double NativePriceMaxAgeSeconds { get; set; } = 86_400;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Sources.Count; i++)
        {
            foreach (var (field, message) in Sources[i].Problems())
                yield return new ValidationResult($"Indexer:Sources:{i}:{field} {message}.");
            if (!seen.Add(Sources[i].Id)) yield return new ValidationResult($"Indexer:Sources:{i}:id '{Sources[i].Id}' is used twice.");
        }
        if (MaxLagBlocks < 0 || MaxLagSeconds < 0) yield return new ValidationResult("Indexer:MaxLagBlocks and MaxLagSeconds must be ≥ 0.");
        if (KeptBlocks < 1) yield return new ValidationResult("Indexer:KeptBlocks must be ≥ 1.");
        if (!(NativePriceMaxAgeSeconds is >= 0 and <= MaxNativePriceAgeSeconds))
            yield return new ValidationResult($"Indexer:NativePriceMaxAgeSeconds must be in [0, {MaxNativePriceAgeSeconds}] (ten years).");
    }
}

/// <summary>
/// One entry of <c>Indexer:Sources</c> (API.md): <c>{ "id", "chain", "rpcUrl", "contract", "firstBlock", "confirmations", "blockRange" }</c>.
/// Its rows are stored with venue = <see cref="Id"/> and chain = <see cref="Chain"/>.
/// </summary>
public sealed class IndexerSourceOptions
{
    /// <summary>Stable id; also the venue of the rows it stores.</summary>
    public string Id { get; set; } = "";

    /// <summary>Chain id from <c>Chains</c>, e.g. <c>arbitrum-one</c>.</summary>
    public string Chain { get; set; } = "";

    /// <summary>The node's JSON-RPC URL.</summary>
    public string RpcUrl { get; set; } = "";

    /// <summary>The exchange contract's address (0x + 40 hex digits).</summary>
    public string Contract { get; set; } = "";

    /// <summary>First block to read (the contract's deployment block).</summary>
    public long FirstBlock { get; set; }

    /// <summary>Blocks below the head before a block is final (0 = the head itself is final).</summary>
    public int Confirmations { get; set; } = 12;

    /// <summary>Largest block range per <c>eth_getLogs</c> request; halved when the node refuses a range, grown back after successes.</summary>
    public int BlockRange { get; set; } = 2_000;

    /// <summary>Every problem with the entry, as (field, message) pairs.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (!Market.Identifiers.IsWellFormed(Market.IdentifierKind.Venue, Id)) yield return ("id", Market.Identifiers.Rule(Market.IdentifierKind.Venue).Description);
        if (!Market.Identifiers.IsWellFormed(Market.IdentifierKind.Chain, Chain)) yield return ("chain", Market.Identifiers.Rule(Market.IdentifierKind.Chain).Description);
        if (!Uri.TryCreate(RpcUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            yield return ("rpcUrl", "must be an absolute http(s) URL");
        if (!IsAddress(Contract)) yield return ("contract", "must be 0x followed by 40 hex digits");
        if (FirstBlock < 0) yield return ("firstBlock", "must be ≥ 0");
        if (Confirmations is < 0 or > 10_000) yield return ("confirmations", "must be in [0, 10000]");
        if (BlockRange is < 1 or > 1_000_000) yield return ("blockRange", "must be in [1, 1000000]");
    }

    private static bool IsAddress(string s) =>
        s.Length == 42 && s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && s.AsSpan(2).ContainsAnyExcept("0123456789abcdefABCDEF") == false;
}
