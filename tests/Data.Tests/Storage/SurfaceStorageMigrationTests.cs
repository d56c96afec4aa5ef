using Analytics.Data.Entities;
using Analytics.Data.Market;
using Analytics.Data.Storage;
using Analytics.Pricing;
using Analytics.Pricing.Surfaces;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Analytics.Data.Tests.Storage;

/// <summary>
/// Migration <c>SurfaceStorageOwnedByData</c> carries a surface stored in the API's response shape (the format written
/// before it) over to Data's records: written at migration <c>Surfaces</c>, migrated, then loaded with every stored value.
/// </summary>
public sealed class SurfaceStorageMigrationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // The API's SurfaceSliceResponse[] as the old SurfaceCatalog serialised it (camelCase, kebab-case enums). Numbers with
    // 17 significant digits and exponents check that the conversion moves doubles exactly.
    private const string OldSlicesJson = """
        [{"expiry":"2026-02-04T08:00:00+00:00","tenorYears":0.082191780821917804,"forward":3000.1234567890123,"forwardSource":"put-call-parity",
          "discountFactor":0.99951234567890123,"params":{"a":0.020123456789012345,"b":0.1,"rho":-0.29999999999999999,"m":1.2345678901234567E-05,"sigma":0.15},
          "rmseVolPoints":0.12345678901234568,"venueRmseVolPoints":null,"butterflyRepaired":true,
          "points":[{"strike":2850,"type":"put","logMoneyness":-0.051293294387550578,"bidVol":0.5,"askVol":0.52,"midVol":0.51,
                     "modelVol":0.51049999999999995,"errorVolPoints":0.049999999999994493,"venueMarkVol":0.505,"quoteId":17},
                    {"strike":3150,"type":"call","logMoneyness":0.048790164169432,"bidVol":0.48,"askVol":0.5,"midVol":0.49,
                     "modelVol":0.4899,"errorVolPoints":-0.0099999999999988987,"venueMarkVol":null,"quoteId":18}]},
         {"expiry":"2026-04-06T08:00:00+00:00","tenorYears":0.24931506849315069,"forward":3010,"forwardSource":"venue",
          "discountFactor":1,"params":{"a":0.05,"b":0.14,"rho":-0.3,"m":0.02,"sigma":0.2},
          "rmseVolPoints":null,"venueRmseVolPoints":null,"butterflyRepaired":false,"points":[]}]
        """;

    // The API's { arbitrage: ArbitrageResponse, ssvi: SsviParamsResponse }. The first slice's stored butterfly diagnosis
    // reports a violation that its parameters do not have: loading must return it as stored.
    private const string OldDiagnosticsJson = """
        {"arbitrage":{"arbitrageFree":false,
          "butterfly":[{"expiry":"2026-02-04T08:00:00+00:00","arbitrageFree":false,"minimumG":-0.012345678901234567,"logMoneynessAtMinimum":1.25,
                        "grid":[-3,3,601],"wingSlopes":[0.13,0.07],
                        "violations":[{"fromLogMoneyness":1.2,"toLogMoneyness":1.3,"minimumG":-0.012345678901234567,"logMoneynessAtMinimum":1.25}],
                        "reason":"butterfly violated"},
                       {"expiry":"2026-04-06T08:00:00+00:00","arbitrageFree":true,"minimumG":0.25,"logMoneynessAtMinimum":-3,
                        "grid":[-3.5,3.5,701],"wingSlopes":[0.182,0.098],"violations":[],"reason":"No butterfly arbitrage on the grid; Lee's wing bound holds."}],
          "calendar":[{"earlierExpiry":"2026-02-04T08:00:00+00:00","laterExpiry":"2026-04-06T08:00:00+00:00","fromLogMoneyness":-0.5,
                       "toLogMoneyness":-0.4,"maximumDeficit":1.0000000000000001E-07,"logMoneynessAtMaximum":-0.45}],
          "calendarGridLogMoneyness":[-3.5,3.5]},
         "ssvi":{"rho":-0.3,"eta":1.1,"gamma":0.45}}
        """;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_RowInTheApiShape_LoadsWithEveryStoredValue(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider, Token);
        long id, sviId;
        await using (var db = database.NewContext())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("Surfaces", Token);
            var row = OldRow();
            var sviRow = OldRow();
            sviRow.Model = "svi";
            sviRow.DiagnosticsJson = OldDiagnosticsJson
                .Replace("\"ssvi\":{\"rho\":-0.3,\"eta\":1.1,\"gamma\":0.45}", "\"ssvi\":null", StringComparison.Ordinal);
            Assert.Contains("\"ssvi\":null", sviRow.DiagnosticsJson);
            id = await InsertAtOldSchemaAsync(db, row);
            sviId = await InsertAtOldSchemaAsync(db, sviRow);
            await migrator.MigrateAsync(null, Token);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Token));
        }

        await using var reader = database.NewContext();
        var stored = (await new SurfaceStore().FindAsync(reader, id, Token))!;

        var surface = stored.Surface;
        Assert.Equal(("ETH", new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero), SurfaceModel.Ssvi, 44),
            (stored.Underlying, surface.AsOfUtc, surface.Model, surface.QuotesIn));
        Assert.Equal((2, 0.1234, 12.5), (stored.QuotesUsed, stored.MedianRmseVolPoints, stored.ElapsedMilliseconds));
        var first = surface.Slices[0];
        Assert.Equal((new DateTimeOffset(2026, 2, 4, 8, 0, 0, TimeSpan.Zero), 0.082191780821917804, 3000.1234567890123, ForwardSource.PutCallParity, 0.99951234567890123),
            (first.ExpiryUtc, first.TenorYears, first.Forward, first.ForwardSource, first.DiscountFactor));
        Assert.Equal(new SviParameters(0.020123456789012345, 0.1, -0.29999999999999999, 1.2345678901234567E-05, 0.15), first.Parameters);
        Assert.Equal((0.12345678901234568, true), (first.RmseVolPoints, first.ButterflyRepaired));
        Assert.Equal(new[]
        {
            new SurfacePointFit(2850, OptionRight.Put, -0.051293294387550578, 0.5, 0.52, 0.51, 0.51049999999999995, 0.505),
            new SurfacePointFit(3150, OptionRight.Call, 0.048790164169432, 0.48, 0.5, 0.49, 0.4899, double.NaN),
        }, first.Points.ToArray());
        Assert.Equal([[17L, 18L], []], stored.QuoteIds.Select(ids => ids.ToArray()).ToArray());

        var butterfly = first.Butterfly;
        Assert.Equal((-3.0, 3.0, 601, -0.012345678901234567, 1.25),
            (butterfly.GridFrom, butterfly.GridTo, butterfly.GridPoints, butterfly.MinimumG, butterfly.LogMoneynessAtMinimum));
        Assert.Equal(new[] { new ButterflyViolation(1.2, 1.3, -0.012345678901234567, 1.25) }, butterfly.Violations.ToArray());
        Assert.True(ArbitrageDiagnostics.Diagnose(first.Parameters).Violations.IsEmpty); // a re-run would find none
        Assert.Equal((-3.5, 3.5, 701, 0.25), (surface.Slices[1].Butterfly.GridFrom, surface.Slices[1].Butterfly.GridTo,
            surface.Slices[1].Butterfly.GridPoints, surface.Slices[1].Butterfly.MinimumG));
        Assert.True(double.IsNaN(surface.Slices[1].RmseVolPoints));

        Assert.Equal((-3.5, 3.5), (surface.Arbitrage.CalendarGridFrom, surface.Arbitrage.CalendarGridTo));
        Assert.Equal(new[]
        {
            new CalendarViolation(new DateTimeOffset(2026, 2, 4, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 6, 8, 0, 0, TimeSpan.Zero),
                -0.5, -0.4, 1.0000000000000001E-07, -0.45),
        }, surface.Arbitrage.Calendar.ToArray());
        Assert.False(surface.Arbitrage.IsArbitrageFree);
        Assert.Equal(new SsviParameters(-0.3, 1.1, 0.45), stored.Ssvi);

        Assert.Equal(new Dictionary<QuoteDropReason, int> { [QuoteDropReason.NoBid] = 2, [QuoteDropReason.SpreadTooWide] = 40 },
            surface.DroppedByReason.ToDictionary());
        Assert.Equal((SurfaceInputs.IndexSource, new DateTimeOffset(2026, 1, 5, 7, 59, 0, TimeSpan.Zero)), (stored.Inputs.Source, stored.Inputs.SnapshotAt));
        Assert.Equal([17L, 18L, 19L], stored.Inputs.QuoteIds!);

        var svi = (await new SurfaceStore().FindAsync(reader, sviId, Token))!;
        Assert.Equal(SurfaceModel.Svi, svi.Surface.Model);
        Assert.Null(svi.Ssvi);
        Assert.Equal(first.Parameters, svi.Surface.Slices[0].Parameters);
        Assert.Equal(-0.012345678901234567, svi.Surface.Slices[0].Butterfly.MinimumG);

        // Migration SurfacePublication: surfaces stored before it stay usable for pricing, published at their creation.
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 8, 0, 1, TimeSpan.Zero), stored.PublishedUtc);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 8, 0, 1, TimeSpan.Zero), svi.PublishedUtc);
        Assert.Null(stored.QualityGate);
    }

    /// <summary>
    /// Inserts <paramref name="row"/> with the columns of the schema at migration <c>Surfaces</c> (the current model has
    /// columns added since, so EF's own INSERT would name columns that do not exist yet); returns its id.
    /// </summary>
    private static async Task<long> InsertAtOldSchemaAsync(AnalyticsDbContext db, VolatilitySurfaceEntity row)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO volatility_surfaces ("Underlying", "AsOfUtc", "CreatedUtc", "Model", "InputSource", "QuotesIn", "QuotesUsed",
                "SliceCount", "MedianRmseVolPoints", "ArbitrageFree", "ElapsedMilliseconds", "SlicesJson", "DiagnosticsJson", "DroppedJson", "InputsJson")
            VALUES ({row.Underlying}, {row.AsOfUtc}, {row.CreatedUtc}, {row.Model}, {row.InputSource}, {row.QuotesIn}, {row.QuotesUsed},
                {row.SliceCount}, {row.MedianRmseVolPoints}, {row.ArbitrageFree}, {row.ElapsedMilliseconds}, {row.SlicesJson},
                {row.DiagnosticsJson}, {row.DroppedJson}, {row.InputsJson})
            """, Token);
        return await db.Database.SqlQueryRaw<long>("SELECT MAX(\"Id\") AS \"Value\" FROM volatility_surfaces").SingleAsync(Token);
    }

    private static VolatilitySurfaceEntity OldRow() => new()
    {
        Underlying = "ETH",
        AsOfUtc = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc),
        CreatedUtc = new DateTime(2026, 1, 5, 8, 0, 1, DateTimeKind.Utc),
        Model = "ssvi",
        InputSource = "index",
        QuotesIn = 44,
        QuotesUsed = 2,
        SliceCount = 2,
        MedianRmseVolPoints = 0.1234,
        ArbitrageFree = false,
        ElapsedMilliseconds = 12.5,
        SlicesJson = OldSlicesJson,
        DiagnosticsJson = OldDiagnosticsJson,
        DroppedJson = """{"no-bid":2,"spread-too-wide":40}""",
        InputsJson = """{"source":"index","snapshotAt":"2026-01-05T07:59:00+00:00","quoteIds":[17,18,19],"quotes":null}""",
    };
}
