using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

/// <summary>The output of <see cref="SurfaceQuotePreparer.Prepare"/>: smiles per expiry plus what was dropped and why.</summary>
/// <param name="AsOfUtc">Valuation instant.</param>
/// <param name="Smiles">Usable smiles, by ascending expiry.</param>
/// <param name="QuotesIn">Number of input quotes.</param>
/// <param name="DroppedByReason">Dropped quotes per reason (only reasons that occurred).</param>
public sealed record PreparedQuotes(
    DateTimeOffset AsOfUtc,
    ImmutableArray<MarketSmile> Smiles,
    int QuotesIn,
    ImmutableSortedDictionary<QuoteDropReason, int> DroppedByReason)
{
    /// <summary>Total number of dropped quotes.</summary>
    public int DroppedCount => DroppedByReason.Values.Sum();

    /// <summary>Number of quotes kept as smile points.</summary>
    public int QuotesUsed => Smiles.Sum(s => s.Points.Length);
}
