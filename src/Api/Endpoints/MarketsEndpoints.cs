using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Analytics.Api.Auth;
using Analytics.Api.Contracts.Markets;
using Analytics.Api.Errors;
using Analytics.Data;
using Analytics.Data.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>Aggregates over indexed data: <c>GET /api/v1/markets/{underlying}/bars</c>.</summary>
public static class MarketsEndpoints
{
    private const int MaxBars = 10_000;

    private static readonly Dictionary<string, TimeSpan> Intervals = new(StringComparer.Ordinal)
    {
        ["1m"] = TimeSpan.FromMinutes(1), ["5m"] = TimeSpan.FromMinutes(5), ["15m"] = TimeSpan.FromMinutes(15),
        ["1h"] = TimeSpan.FromHours(1), ["4h"] = TimeSpan.FromHours(4), ["1d"] = TimeSpan.FromDays(1),
    };

    public static RouteGroupBuilder MapMarketsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/markets/{underlying}/bars", BarsAsync)
            .WithTags("Indexed data")
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("GetBars")
            .WithSummary("OHLC, volume and VWAP bars of an underlying")
            .WithDescription("Bars over [from, to) aligned to the interval (UTC), from trades (USD prices, VWAP = Σ price·size / Σ size) " +
                             "of the underlying's perpetuals, or of one `instrument` (e.g. an option's premium), or " +
                             "from stored prices (`source=prices`). Bars come from one feed at a time: with `source=prices` one " +
                             "`priceSource`, with `source=trades` one `venue`. Either may be omitted when only one feed has data in " +
                             "the range (the response names it); when several have, the answer is 422 listing them. `to` defaults " +
                             $"to now, `from` to 100 intervals before it; at most {MaxBars:N0} intervals per request.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<Results<Ok<BarsResponse>, ValidationProblem, ProblemHttpResult>> BarsAsync(
        BarsQuery bars, AnalyticsDbContext db, TimeProvider time, [Description("Underlying symbol, e.g. ETH (any case).")] string underlying,
        [Description("1m, 5m, 15m, 1h (default), 4h or 1d."), DefaultValue("1h"), AllowedValues("1m", "5m", "15m", "1h", "4h", "1d")] string? interval, DateTimeOffset? from, DateTimeOffset? to,
        [Description("trades (default) or prices."), DefaultValue("trades"), AllowedValues("trades", "prices")] string? source,
        [Description("With source=prices: the price source (any case); required when several sources have prices in the range.")] string? priceSource,
        [Description("With source=trades: the venue (any case); required when several venues traded in the range.")] string? venue,
        [Description("With source=trades: the canonical key of one instrument (e.g. ETH-20260327T080000Z-3000-C-european-cash); " +
                     "default: the underlying's perpetuals.")] string? instrument,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = interval ?? "1h";
        if (!Intervals.TryGetValue(name, out var length)) errors.Add("interval", $"must be one of {string.Join(", ", Intervals.Keys)}; got '{name}'.");
        var kind = source ?? "trades";
        if (kind is not ("trades" or "prices")) errors.Add("source", $"must be trades or prices; got '{kind}'.");
        if (instrument is not null && kind != "trades") errors.Add("instrument", "applies to source=trades only.");
        if (venue is not null && kind != "trades") errors.Add("venue", "applies to source=trades only; with source=prices choose a priceSource.");
        if (priceSource is not null && kind != "prices") errors.Add("priceSource", "applies to source=prices only; with source=trades choose a venue.");
        var (fromUtc, toUtc) = (errors.Instant("from", from), errors.Instant("to", to));
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var end = toUtc ?? time.GetUtcNow().UtcDateTime;
        var start = fromUtc ?? end - length * 100;
        if (start >= end) errors.Add("to", "must be after from.");
        else if ((end - start) / length > MaxBars) errors.Add("from", $"the range spans more than {MaxBars:N0} {name} intervals; narrow it or use a longer interval.");
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var u = Identifiers.Underlying(underlying);
        long? instrumentId = instrument is null ? null : await InstrumentMapping.IdOfAsync(db, instrument, cancellationToken);
        var (field, chosen) = kind == "trades" ? ("venue", venue is null ? null : Identifiers.Venue(venue)) : ("priceSource", priceSource is null ? null : Identifiers.Source(priceSource));
        if (chosen is null)
        {
            var feeds = kind == "trades"
                ? await bars.TradeVenuesAsync(u, instrumentId, start, end, cancellationToken)
                : await bars.PriceSourcesAsync(u, start, end, cancellationToken);
            if (feeds.Count > 1)
                return Problems.ForField(StatusCodes.Status422UnprocessableEntity, "Several feeds in the range",
                    $"{feeds.Count} {(kind == "trades" ? "venues traded" : "price sources have prices of")} {u} in the range and bars never mix feeds: " +
                    $"choose one with {field}= ({string.Join(", ", feeds)}).", field, ("available", feeds));
            chosen = feeds.SingleOrDefault();
        }
        var result = kind == "trades"
            ? await bars.FromTradesAsync(u, instrumentId, chosen, length, start, end, cancellationToken)
            : await bars.FromPricesAsync(u, chosen, length, start, end, cancellationToken);
        return TypedResults.Ok(new BarsResponse(u, name, kind, kind == "prices" ? chosen : null, kind == "trades" ? chosen : null, result.Select(b =>
            new BarResponse(new DateTimeOffset(b.StartUtc), b.Open, b.High, b.Low, b.Close, b.Volume, b.Vwap, b.Count)).ToList()));
    }
}
