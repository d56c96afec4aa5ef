using Analytics.Data.Entities;
using Analytics.Data.Market;
using Analytics.Data.Storage;
using Analytics.Pricing.L2;
using Analytics.Pricing.Surfaces;
using Analytics.TestSupport;

namespace Analytics.Data.Tests.Market;

/// <summary>The market snapshot as of an instant: nothing observed or fitted after it, and what is missing named.</summary>
public sealed class MarketSnapshotServiceTests
{
    private static readonly DateTimeOffset Instant = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly FundingWindow EthPerp = new("deribit", "ETH-PERPETUAL", 24);
    private static readonly FundingWindow BtcPerp = new("deribit", "BTC-PERPETUAL", 24);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BuildAsync_DataBeforeAndAfterTheInstant_TakesTheLatestAtOrBeforeIt(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var fitted = SyntheticSurfaces.Fit(SurfaceModel.Svi);
        var surfaceBefore = await SurfaceStoreTests.StoreAsync(database, fitted with { AsOfUtc = Instant.AddDays(-1) });
        await SurfaceStoreTests.StoreAsync(database, fitted with { AsOfUtc = Instant.AddHours(1) });
        await using (var db = database.NewContext())
        {
            db.Venues.Add(new VenueEntity { Id = "deribit", FirstSeenUtc = Instant.AddDays(-30).UtcDateTime });
            db.PriceObservations.AddRange(
                Price("index-a", Instant.AddHours(-2), 2990),
                Price("index-b", Instant, 3010), // at the instant: counts
                Price("index-a", Instant.AddHours(1), 3100));
            // 8-hourly funding ending at the instant covers the 24 h window (−24 h, 0]; the one after it must not count.
            db.FundingObservations.AddRange(
                Funding(Instant.AddHours(-24), 0.05), // on the window's open end: excluded
                Funding(Instant.AddHours(-16), 0.0001),
                Funding(Instant.AddHours(-8), 0.0002),
                Funding(Instant, 0.0003),
                Funding(Instant.AddHours(8), 0.01));
            await db.SaveChangesAsync(Token);
        }

        await using var context = database.NewContext();
        var service = new MarketSnapshotService(context, new SurfaceStore(), new FundingCarryReader(context), Chains());
        var snapshot = await service.BuildAsync(new MarketSnapshotRequest(Instant, ["ETH"], [EthPerp]), Token);

        Assert.True(snapshot.IsComplete);
        Assert.Equal(Instant, snapshot.AsOfUtc);
        Assert.Equal(new UnderlyingPrice("ETH", 3010, Instant, "index-b"), snapshot.Prices["ETH"]);
        Assert.Equal(surfaceBefore, snapshot.Surfaces["ETH"].Id);
        // Σ rate / Σ hours × 8760 = (0.0001 + 0.0002 + 0.0003) / 24 × 8760 = 0.219 (simple annualisation, PRODUCT.md §3.4).
        Assert.Equal(0.219, snapshot.FundingCarry[EthPerp], 12);
        Assert.Equal(["ethereum", "arbitrum-one"], snapshot.ChainProfiles.Select(c => c.Id).ToArray());
        Assert.Equal(RollupKind.Optimistic, snapshot.FindChainProfile("arbitrum-one")!.Value.Rollup);
        Assert.Null(snapshot.FindChainProfile("solana"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BuildAsync_Surfaces_ChosenAsPricingChoosesThem(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var svi = SyntheticSurfaces.Fit(SurfaceModel.Svi);
        var published = await SurfaceStoreTests.StoreAsync(database, svi with { AsOfUtc = Instant.AddDays(-2) });
        await SurfaceStoreTests.StoreAsync(database, svi with { AsOfUtc = Instant.AddDays(-1) }, published: false); // newer, unpublished
        var ssvi = await SurfaceStoreTests.StoreAsync(database, SyntheticSurfaces.Fit(SurfaceModel.Ssvi) with { AsOfUtc = Instant.AddHours(-1) });

        await using var context = database.NewContext();
        var service = new MarketSnapshotService(context, new SurfaceStore(), new FundingCarryReader(context), Chains());
        var bySvi = await service.BuildAsync(new MarketSnapshotRequest(Instant, ["ETH"], []), Token);
        var bySsvi = await service.BuildAsync(new MarketSnapshotRequest(Instant, ["ETH"], [], SurfaceModel.Ssvi), Token);
        var byEssvi = await service.BuildAsync(new MarketSnapshotRequest(Instant, ["ETH"], [], SurfaceModel.Essvi), Token);

        Assert.Equal(published, bySvi.Surfaces["ETH"].Id);
        Assert.Equal(ssvi, bySsvi.Surfaces["ETH"].Id);
        Assert.Empty(byEssvi.Surfaces);
        Assert.Contains(byEssvi.Missing, m => m.Kind == "surface" && m.Reason.Contains("no published essvi surface", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuildAsync_InputsMissing_ReportsEachAndKeepsWhatItFound()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        await using (var db = database.NewContext())
        {
            db.Venues.Add(new VenueEntity { Id = "deribit", FirstSeenUtc = Instant.AddDays(-30).UtcDateTime });
            db.PriceObservations.Add(Price("index-a", Instant.AddMinutes(-1), 3000));
            db.PriceObservations.Add(Price("index-a", Instant.AddMinutes(1), 3001, "BTC")); // only after the instant
            db.FundingObservations.Add(Funding(Instant.AddHours(-1), 0.0001)); // 8 h of 24: less than half the window
            await db.SaveChangesAsync(Token);
        }

        await using var context = database.NewContext();
        var service = new MarketSnapshotService(context, new SurfaceStore(), new FundingCarryReader(context), Chains());
        var snapshot = await service.BuildAsync(new MarketSnapshotRequest(Instant, ["ETH", "BTC"], [EthPerp, BtcPerp]), Token);

        Assert.False(snapshot.IsComplete);
        Assert.Equal(["ETH"], snapshot.Prices.Keys.ToArray());
        Assert.Empty(snapshot.Surfaces);
        Assert.Empty(snapshot.FundingCarry);
        Assert.Equal(
            new[] { ("surface", "ETH"), ("price", "BTC"), ("surface", "BTC"), ("funding", "deribit ETH-PERPETUAL"), ("funding", "deribit BTC-PERPETUAL") },
            snapshot.Missing.Select(m => (m.Kind, m.Key)).ToArray());
        Assert.Contains("cover 8 h of the 24 h look-back", snapshot.Missing[3].Reason);
        Assert.Contains("no funding observations of deribit BTC-PERPETUAL", snapshot.Missing[4].Reason);
    }

    private static PriceObservationEntity Price(string source, DateTimeOffset at, double close, string underlying = "ETH") => new()
    {
        Underlying = underlying, Source = source, TimestampUtc = at.UtcDateTime, Open = close, High = close, Low = close, Close = close,
    };

    private static FundingObservationEntity Funding(DateTimeOffset at, double ratePerInterval) => new()
    {
        Venue = "deribit", Market = "ETH-PERPETUAL", TimestampUtc = at.UtcDateTime, RatePerInterval = ratePerInterval, IntervalHours = 8,
    };

    internal static ChainProfiles Chains() => new(new FixedOptionsMonitor<ChainsOptions>(new ChainsOptions
    {
        ["arbitrum-one"] = new() { Name = "Arbitrum One", Rollup = "optimistic", WithdrawalDelayHours = 168, BlockTimeSeconds = 0.25, GasCostUsd = 0.02, LiquidationLatencySeconds = 1, Source = "test" },
        ["ethereum"] = new() { Name = "Ethereum", Rollup = "l1", WithdrawalDelayHours = 0, BlockTimeSeconds = 12, GasCostUsd = 2, LiquidationLatencySeconds = 12, Source = "test" },
    }));
}
