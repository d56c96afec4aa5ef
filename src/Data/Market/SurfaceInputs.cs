using Analytics.Pricing.Surfaces;

namespace Analytics.Data.Market;

/// <summary>
/// What a stored fit was given (<c>volatility_surfaces.InputsJson</c>): the indexed quotes by id and the snapshot
/// instant, or the posted quotes inline.
/// </summary>
/// <param name="Source"><c>request</c> (posted with the fit) or <c>index</c> (indexed quote snapshots).</param>
/// <param name="SnapshotAt">Index only: the newest snapshot instant used.</param>
/// <param name="QuoteIds">Index only: ids of the indexed quotes given to the fit.</param>
/// <param name="Quotes">Request only: the posted quotes.</param>
/// <param name="RequestedAsOf">Index only: the fit request's as-of, which chose the snapshot (the snapshot's age is
/// measured back from it); null on fits stored before it was recorded.</param>
public sealed record SurfaceInputs(
    string Source, DateTimeOffset? SnapshotAt, IReadOnlyList<long>? QuoteIds, IReadOnlyList<PostedQuote>? Quotes, DateTimeOffset? RequestedAsOf = null)
{
    /// <summary><see cref="Source"/> of a fit to posted quotes.</summary>
    public const string RequestSource = "request";

    /// <summary><see cref="Source"/> of a fit to indexed quotes.</summary>
    public const string IndexSource = "index";

    /// <summary>The inputs of a fit to posted quotes.</summary>
    public static SurfaceInputs Posted(IEnumerable<SurfaceQuote> quotes) =>
        new(RequestSource, null, null, quotes.Select(PostedQuote.From).ToList());

    /// <summary>The inputs of a fit to an indexed quote snapshot, chosen by the request's <paramref name="requestedAsOf"/>.</summary>
    public static SurfaceInputs Indexed(IndexedQuoteSnapshot snapshot, DateTimeOffset requestedAsOf) =>
        new(IndexSource, snapshot.SnapshotAt, snapshot.Ids, null, requestedAsOf);

    /// <summary>Index only: <see cref="RequestedAsOf"/> minus <see cref="SnapshotAt"/>, seconds; null when either is unknown.</summary>
    public double? SnapshotAgeSeconds() => SnapshotAt is { } at && RequestedAsOf is { } asOf ? (asOf - at).TotalSeconds : null;
}
