using System.Text.Json.Nodes;
using Analytics.Data.Market;
using Analytics.Data.Storage;
using Analytics.Pricing.Surfaces;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Tests.Market;

/// <summary>
/// Surfaces stored in Data's own schema and read back by a store with a cold cache, on both providers: the same numerics
/// bit for bit, and the diagnoses as stored (never re-run).
/// </summary>
public sealed class SurfaceStoreTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 5, 8, 1, 0, TimeSpan.Zero);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<StorageProvider, SurfaceModel> ProvidersAndModels => new()
    {
        { StorageProvider.Sqlite, SurfaceModel.Svi },
        { StorageProvider.Sqlite, SurfaceModel.Ssvi },
        { StorageProvider.Sqlite, SurfaceModel.Essvi },
        { StorageProvider.Postgres, SurfaceModel.Svi },
        { StorageProvider.Postgres, SurfaceModel.Ssvi },
    };

    [Theory, MemberData(nameof(ProvidersAndModels))]
    public async Task FindAsync_ColdStoreAfterStoring_SameVolsBitForBitOnAGrid(StorageProvider provider, SurfaceModel model)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var fitted = SyntheticSurfaces.Fit(model);
        var id = await StoreAsync(database, fitted);

        await using var db = database.NewContext();
        var stored = (await new SurfaceStore().FindAsync(db, id, Token))!;
        var loaded = stored.Surface;

        var tenors = fitted.Slices.Select(s => s.TenorYears)
            .Concat([0.01, 0.05, 0.2, 0.3, 0.45, 1.0, 2.5])
            .ToList();
        for (var k = -1.5; k <= 1.5; k += 0.125)
            foreach (var t in tenors)
            {
                Assert.Equal(Bits(fitted.LognormalVol(k, t)), Bits(loaded.LognormalVol(k, t)));
                Assert.Equal(Bits(fitted.TotalVariance(k, t)), Bits(loaded.TotalVariance(k, t)));
                Assert.Equal(Bits(fitted.Forward(t)), Bits(loaded.Forward(t)));
            }
        Assert.Equal(fitted.AsOfUtc, loaded.AsOfUtc);
        Assert.Equal(model, loaded.Model);
        Assert.Equal(fitted.QuotesIn, loaded.QuotesIn);
        Assert.Equal(fitted.DroppedByReason, loaded.DroppedByReason);
        Assert.Equal(fitted.Arbitrage.IsArbitrageFree, loaded.Arbitrage.IsArbitrageFree);
        Assert.Equal(fitted.Slices.Length, loaded.Slices.Length);
        for (var i = 0; i < fitted.Slices.Length; i++)
        {
            var (before, after) = (fitted.Slices[i], loaded.Slices[i]);
            Assert.Equal((before.ExpiryUtc, before.TenorYears, before.Forward, before.ForwardSource, before.DiscountFactor, before.Parameters),
                (after.ExpiryUtc, after.TenorYears, after.Forward, after.ForwardSource, after.DiscountFactor, after.Parameters));
            Assert.Equal(Bits(before.RmseVolPoints), Bits(after.RmseVolPoints));
            Assert.Equal(before.Points.ToArray(), after.Points.ToArray()); // fit errors per quote: model, mid, bid, ask vols
            AssertSameDiagnosis(before.Butterfly, after.Butterfly);
        }
        Assert.Equal(fitted.Ssvi?.Parameters, stored.Ssvi);
        Assert.Equal(SurfaceInputs.RequestSource, stored.Inputs.Source);
        Assert.Equal(SyntheticSurfaces.Quotes().Count, stored.Inputs.Quotes!.Count);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindAsync_StoredDiagnosisUnlikeARerun_ReturnsTheStoredDiagnosis(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var fitted = SyntheticSurfaces.Fit(SurfaceModel.Svi);
        var id = await StoreAsync(database, fitted);
        await using (var db = database.NewContext())
        {
            // A row whose stored diagnosis is not what diagnosing its parameters again would give.
            var row = await db.VolatilitySurfaces.SingleAsync(s => s.Id == id, Token);
            var slices = JsonNode.Parse(row.SlicesJson)!.AsArray();
            slices[0]!["butterfly"] = JsonNode.Parse("""
                {"gridFrom": -2.5, "gridTo": 2.5, "gridPoints": 11, "minimumG": -0.25, "logMoneynessAtMinimum": 0.5,
                 "violations": [{"fromLogMoneyness": 0.4, "toLogMoneyness": 0.6, "minimumG": -0.25, "logMoneynessAtMinimum": 0.5}]}
                """);
            row.SlicesJson = slices.ToJsonString();
            var diagnostics = JsonNode.Parse(row.DiagnosticsJson)!;
            diagnostics["calendar"]!["violations"] = JsonNode.Parse("""
                [{"earlierExpiry": "2026-02-04T08:00:00+00:00", "laterExpiry": "2026-04-06T08:00:00+00:00", "fromLogMoneyness": -0.3,
                  "toLogMoneyness": -0.2, "maximumDeficit": 0.0125, "logMoneynessAtMaximum": -0.25}]
                """);
            row.DiagnosticsJson = diagnostics.ToJsonString();
            await db.SaveChangesAsync(Token);
        }

        await using var reader = database.NewContext();
        var loaded = (await new SurfaceStore().FindAsync(reader, id, Token))!.Surface;

        var rerun = ArbitrageDiagnostics.Diagnose(loaded.Slices[0].Parameters);
        Assert.True(rerun.IsArbitrageFree); // what a re-run says ...
        var butterfly = loaded.Slices[0].Butterfly; // ... and what was stored, read back
        Assert.Equal((-2.5, 2.5, 11, -0.25, 0.5), (butterfly.GridFrom, butterfly.GridTo, butterfly.GridPoints, butterfly.MinimumG, butterfly.LogMoneynessAtMinimum));
        Assert.Equal(new[] { new ButterflyViolation(0.4, 0.6, -0.25, 0.5) }, butterfly.Violations.ToArray());
        Assert.False(butterfly.IsArbitrageFree);
        Assert.Same(butterfly, loaded.Arbitrage.Butterfly[0]);
        Assert.Equal(new[] { new CalendarViolation(new DateTimeOffset(2026, 2, 4, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 6, 8, 0, 0, TimeSpan.Zero),
            -0.3, -0.2, 0.0125, -0.25) }, loaded.Arbitrage.Calendar.ToArray());
        Assert.False(loaded.Arbitrage.IsArbitrageFree);
    }

    [Fact]
    public async Task FindAsync_SameIdTwice_ServesTheCachedSurface()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        var id = await StoreAsync(database, SyntheticSurfaces.Fit(SurfaceModel.Svi));
        var store = new SurfaceStore();
        await using var db = database.NewContext();

        var first = await store.FindAsync(db, id, Token);
        var second = await store.FindAsync(db, id, Token);

        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Null(await store.FindAsync(db, id + 1, Token));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LatestIdAsync_SurfacesBeforeAndAfterAnInstant_PicksTheGreatestAsOfNotAfterIt(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var fitted = SyntheticSurfaces.Fit(SurfaceModel.Svi);
        var instant = SyntheticSurfaces.AsOf;
        var older = await StoreAsync(database, fitted with { AsOfUtc = instant.AddHours(-2) });
        var atInstant = await StoreAsync(database, fitted with { AsOfUtc = instant });
        var later = await StoreAsync(database, fitted with { AsOfUtc = instant.AddHours(1) });
        var store = new SurfaceStore();
        await using var db = database.NewContext();

        Assert.Equal(atInstant, await store.LatestIdAsync(db, "ETH", instant, Token));
        Assert.Equal(older, await store.LatestIdAsync(db, "ETH", instant.AddTicks(-1), Token));
        Assert.Null(await store.LatestIdAsync(db, "ETH", instant.AddHours(-3), Token));
        Assert.Equal(later, await store.LatestIdAsync(db, "ETH", Token));
        Assert.Null(await store.LatestIdAsync(db, "BTC", Token));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SelectIdAsync_ModelsPublicationAndInstants_NewestPublishedOfTheModelNotAfterTheInstant(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var svi = SyntheticSurfaces.Fit(SurfaceModel.Svi);
        var ssvi = SyntheticSurfaces.Fit(SurfaceModel.Ssvi);
        var t = SyntheticSurfaces.AsOf;
        var sviAtT = await StoreAsync(database, svi with { AsOfUtc = t });
        var sviLaterUnpublished = await StoreAsync(database, svi with { AsOfUtc = t.AddHours(1) }, published: false);
        var ssviLater = await StoreAsync(database, ssvi with { AsOfUtc = t.AddHours(2) });
        var sviTieAtT = await StoreAsync(database, svi with { AsOfUtc = t }); // same as-of, newer fit
        await StoreAsync(database, svi with { AsOfUtc = t.AddHours(3) }, underlying: "BTC");
        var store = new SurfaceStore();
        await using var db = database.NewContext();

        Task<long?> Select(DateTimeOffset at, SurfaceModel? model, bool publishedOnly) =>
            store.SelectIdAsync(db, new SurfaceSelection("ETH", at, model, publishedOnly), Token);
        Assert.Equal(sviTieAtT, await Select(t.AddHours(5), SurfaceModel.Svi, publishedOnly: true));
        Assert.Equal(sviLaterUnpublished, await Select(t.AddHours(5), SurfaceModel.Svi, publishedOnly: false));
        Assert.Equal(ssviLater, await Select(t.AddHours(5), null, publishedOnly: true));
        Assert.Equal(ssviLater, await Select(t.AddHours(2), SurfaceModel.Ssvi, publishedOnly: true));
        Assert.Null(await Select(t.AddHours(2).AddTicks(-1), SurfaceModel.Ssvi, publishedOnly: true));
        Assert.Equal(sviTieAtT, await Select(t, SurfaceModel.Svi, publishedOnly: true));
        Assert.Null(await Select(t.AddTicks(-1), SurfaceModel.Svi, publishedOnly: false));
        Assert.Equal(ssviLater, (await store.FirstAfterAsync(db, new SurfaceSelection("ETH", t, SurfaceModel.Ssvi, true), Token))!.Id);
        Assert.Equal(sviLaterUnpublished, (await store.FirstAfterAsync(db, new SurfaceSelection("ETH", t, SurfaceModel.Svi, false), Token))!.Id);
        Assert.Null(await store.FirstAfterAsync(db, new SurfaceSelection("ETH", t.AddHours(2), null, true), Token));
        Assert.NotEqual(sviAtT, sviTieAtT);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublishAsync_UnpublishedSurface_PublishedOnceForEveryReaderAndSelectable(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var verdict = SurfaceQualityGate.Evaluate(SyntheticSurfaces.Fit(SurfaceModel.Svi), 1e-9);
        var id = await StoreAsync(database, SyntheticSurfaces.Fit(SurfaceModel.Svi), published: false, qualityGate: verdict);
        var (writer, reader) = (new SurfaceStore(), new SurfaceStore()); // two nodes
        await using var db = database.NewContext();
        var before = (await reader.FindAsync(db, id, Token))!;
        Assert.False(before.IsPublished);
        var selection = SurfaceSelection.ForPricing("ETH", SyntheticSurfaces.AsOf, SurfaceModel.Svi);
        Assert.Null(await reader.SelectIdAsync(db, selection, Token));

        var at = new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero);
        var published = (await writer.PublishAsync(db, id, at, Token))!;
        var again = (await writer.PublishAsync(db, id, at.AddHours(1), Token))!;

        Assert.Equal(at, published.PublishedUtc);
        Assert.Equal(at, again.PublishedUtc); // idempotent: the first publication stands
        Assert.Equal(at, (await reader.FindAsync(db, id, Token))!.PublishedUtc); // the other node's cached copy is not stale
        Assert.Equal(id, await reader.SelectIdAsync(db, selection, Token));
        Assert.Null(await writer.PublishAsync(db, id + 1000, at, Token));
        var gate = published.QualityGate!;
        Assert.Equal((verdict.Passed, verdict.Reasons.ToArray(), verdict.RmseBasis, verdict.MaxMedianRmseVolPoints),
            (gate.Passed, gate.Reasons.ToArray(), gate.RmseBasis, gate.MaxMedianRmseVolPoints));
        Assert.Equal(BitConverter.DoubleToInt64Bits(verdict.MedianRmseVolPoints), BitConverter.DoubleToInt64Bits(gate.MedianRmseVolPoints));
    }

    internal static async Task<long> StoreAsync(
        TestDatabase database, VolatilitySurface surface, string underlying = "ETH", bool published = true, SurfaceQualityVerdict? qualityGate = null)
    {
        await using var db = database.NewContext();
        var stored = await new SurfaceStore().StoreAsync(db, underlying, surface, SurfaceInputs.Posted(SyntheticSurfaces.Quotes()),
            (_, _, _) => null, Created, Token, qualityGate, published);
        return stored.Id;
    }

    private static void AssertSameDiagnosis(ButterflyDiagnosis expected, ButterflyDiagnosis actual)
    {
        Assert.Equal((expected.Parameters, expected.GridFrom, expected.GridTo, expected.GridPoints),
            (actual.Parameters, actual.GridFrom, actual.GridTo, actual.GridPoints));
        Assert.Equal(Bits(expected.MinimumG), Bits(actual.MinimumG));
        Assert.Equal(Bits(expected.LogMoneynessAtMinimum), Bits(actual.LogMoneynessAtMinimum));
        Assert.Equal(expected.Violations.ToArray(), actual.Violations.ToArray());
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
