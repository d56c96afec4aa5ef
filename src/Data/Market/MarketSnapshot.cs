using System.Collections.Immutable;
using Analytics.Pricing.L2;

namespace Analytics.Data.Market;

/// <summary>
/// The market a book is valued in, as of one instant (Strata's <c>MarketData</c> beside its trades): underlying prices,
/// volatility surfaces, funding carry and chain profiles, each the latest known at or before <see cref="AsOfUtc"/>. Built by
/// <see cref="MarketSnapshotService"/> so that a request and a job value the same book the same way. Immutable.
/// </summary>
/// <param name="AsOfUtc">The instant.</param>
/// <param name="Prices">Per underlying, the latest stored price at or before the instant.</param>
/// <param name="Surfaces">Per underlying, the latest stored surface with an as-of at or before the instant.</param>
/// <param name="FundingCarry">Per funding window, the annualised carry over the window ending at the instant.</param>
/// <param name="ChainProfiles">The configured chain profiles, Ethereum L1 first.</param>
/// <param name="Missing">What was asked for and is not here; empty when the snapshot is complete.</param>
public sealed record MarketSnapshot(
    DateTimeOffset AsOfUtc,
    ImmutableSortedDictionary<string, UnderlyingPrice> Prices,
    ImmutableSortedDictionary<string, StoredSurface> Surfaces,
    ImmutableDictionary<FundingWindow, double> FundingCarry,
    ImmutableArray<ChainProfile> ChainProfiles,
    ImmutableArray<MissingMarketData> Missing)
{
    /// <summary>Whether every asked-for input was found.</summary>
    public bool IsComplete => Missing.IsEmpty;

    /// <summary>The chain profile with this id, or null.</summary>
    public ChainProfile? FindChainProfile(string id)
    {
        foreach (var profile in ChainProfiles)
            if (profile.Id == id) return profile;
        return null;
    }
}
