using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Market;

/// <summary>
/// Builds <see cref="MarketSnapshot"/>s from the database: for the API's requests and for jobs alike. Scoped (it uses
/// the request's or the job's <see cref="AnalyticsDbContext"/>); the surfaces come through the shared <see cref="SurfaceStore"/>,
/// chosen as pricing chooses them (<see cref="SurfaceSelection.ForPricing"/>: published, of the request's model, as-of at or
/// before the snapshot's instant, never after it). The price is the latest observation stamped at or before the instant;
/// candles are stamped when their close is known (<see cref="CandleClose"/>), so a daily close is not read during its day.
/// </summary>
public sealed class MarketSnapshotService(AnalyticsDbContext db, SurfaceStore surfaces, FundingCarryReader funding, ChainProfiles chains)
{
    /// <summary>The snapshot of <paramref name="request"/>; what is not found is listed in <see cref="MarketSnapshot.Missing"/>.</summary>
    public async Task<MarketSnapshot> BuildAsync(MarketSnapshotRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asOf = request.AsOfUtc.UtcDateTime;
        var prices = ImmutableSortedDictionary.CreateBuilder<string, UnderlyingPrice>(StringComparer.Ordinal);
        var fitted = ImmutableSortedDictionary.CreateBuilder<string, StoredSurface>(StringComparer.Ordinal);
        var carry = ImmutableDictionary.CreateBuilder<FundingWindow, double>();
        var missing = ImmutableArray.CreateBuilder<MissingMarketData>();
        foreach (var underlying in request.Underlyings.Distinct(StringComparer.Ordinal))
        {
            var price = await db.PriceObservations.AsNoTracking()
                .Where(p => p.Underlying == underlying && p.TimestampUtc <= asOf && !p.Source.StartsWith(PriceSources.DatedFuturePrefix))
                .OrderByDescending(p => p.TimestampUtc).ThenByDescending(p => p.Id)
                .Select(p => new { p.Close, p.TimestampUtc, p.Source })
                .FirstOrDefaultAsync(cancellationToken);
            if (price is null)
                missing.Add(new MissingMarketData("price", underlying, $"no price of {underlying} is stored at or before {asOf:O}."));
            else
                prices[underlying] = new UnderlyingPrice(underlying, price.Close, Utc(price.TimestampUtc), price.Source);

            if (await surfaces.SelectAsync(db, SurfaceSelection.ForPricing(underlying, request.AsOfUtc, request.SurfaceModel), cancellationToken) is { } surface)
                fitted[underlying] = surface;
            else
                missing.Add(new MissingMarketData("surface", underlying,
                    $"no published {SurfaceStorageMapping.Id(request.SurfaceModel)} surface of {underlying} is stored with an as-of at or before {asOf:O}."));
        }
        foreach (var window in request.Funding.Distinct())
        {
            var result = await funding.ReadAsync(window.Venue, window.Market, window.LookbackHours, request.AsOfUtc, cancellationToken);
            if (result.RateAnnualised is { } rate) carry[window] = rate;
            else missing.Add(new MissingMarketData("funding", $"{window.Venue} {window.Market}", result.Error!));
        }
        return new MarketSnapshot(request.AsOfUtc, prices.ToImmutable(), fitted.ToImmutable(), carry.ToImmutable(),
            [.. chains.All], missing.ToImmutable());
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
