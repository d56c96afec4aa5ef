using System.ComponentModel;
using Analytics.Api.Auth;
using Analytics.Api.Contracts.Ingest;
using Analytics.Api.Errors;
using Analytics.Api.Options;
using Analytics.Data;
using Analytics.Data.Ingestion;
using Analytics.Data.Ingestion.Formats;
using Analytics.Data.Ingestion.Parsing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Analytics.Api.Endpoints;

/// <summary>Ingest of indexed data: <c>POST /api/v1/trades|quotes|funding|prices</c> (PRODUCT.md §3.1).</summary>
public static class IngestEndpoints
{
    private static readonly string[] MediaTypes = [RecordSources.Json, RecordSources.NdJson, RecordSources.Csv];

    private const string Common =
        "Body: a JSON array (`application/json`), NDJSON (`application/x-ndjson`) or CSV with a header (`text/csv`), streamed, " +
        "never held in memory; up to `Limits:MaxIngestBodyBytes`. All or nothing in one transaction: if any row is invalid the " +
        "answer is 422 with `rejected` and `errors` (row, field, message) and nothing is written; otherwise 200 with `inserted` " +
        "and `duplicates` (rows already stored: re-sending changes nothing). A key repeated inside one batch is a row error. " +
        "Timestamps must not be in the future nor before 2015 (prices: 2009-01-03, the Bitcoin genesis block); a date-only `expiry` " +
        "means 08:00 UTC; identifiers are case-insensitive (stored upper case: underlying, market; lower case: chain, venue, source); numbers must be finite. Unreadable input (broken CSV quoting, " +
        "malformed or cut-off JSON, a header lacking required columns, an unknown format) is a 400 problem.";

    public static RouteGroupBuilder MapIngestEndpoints(this RouteGroupBuilder api)
    {
        Map<TradeIngestRow>(api, "/trades", IngestKind.Trades, "IngestTrades", "Ingest option and perp trades",
            "Trades identified by (chain, txHash, logIndex). Instruments are derived from (underlying, expiry, strike, type, style, " +
            "settlement) or the perp market. Coin premiums (`premiumCurrency=underlying`) convert to USD with `underlyingPrice`.");
        Map<QuoteIngestRow>(api, "/quotes", IngestKind.Quotes, "IngestQuotes", "Ingest option quote snapshots",
            "Quotes identified by (venue, instrument, timestamp), stored in USD (coin premiums × the expiry's forward). " +
            "`format=deribit-snapshot` or `deribit-ticker` read Deribit files (docs/data-formats.md); `venue=` overrides `deribit`. " +
            "A `deribit-snapshot` board is stamped when complete, 10 minutes after its run's start; ticker rows at their own time.");
        Map<FundingIngestRow>(api, "/funding", IngestKind.Funding, "IngestFunding", "Ingest perp funding observations",
            "Funding identified by (venue, market, timestamp). `format=funding-csv` reads `Symbol,Date,Funding Rate` files with " +
            "`venue=`, `intervalHours=`, `utcOffsetHours=` (the Date column's offset from UTC) and optional `market=`.");
        Map<PriceIngestRow>(api, "/prices", IngestKind.Prices, "IngestPrices", "Ingest spot and index prices",
            "Prices identified by (underlying, source, timestamp); `timestamp` is the instant the price (a candle's close) is known, " +
            "so post a candle at its end, not its open. `format=ohlcv-daily` reads CryptoDataDownload daily candles, each stamped at " +
            "its UTC day's close, 23:59:59.999999 (a day not yet ended is refused) " +
            "(`source=` default `cryptodatadownload`, `underlying=` default from Symbol); `format=deribit-perpetual` the perpetual's " +
            "1-minute candle around each Deribit board snapshot, stamped at its close (`source=` default `deribit-perpetual`); " +
            "`format=deribit-futures` the dated futures' candles likewise, one source per future (`deribit-future-btc-25dec26`, never read as the underlying's price); `format=price-csv` any price history such as a " +
            "`date,value` file, described by `timeColumn`, `valueColumn`, `underlying` (or `underlyingColumn`), `source`, `timeZone` " +
            "and `dateFormat` (a date alone is a daily value, stamped at the end of that day in the time zone, 23:59:59.999999).");
        return api;
    }

    private static void Map<TRow>(RouteGroupBuilder api, string path, IngestKind kind, string name, string summary, string description)
    {
        var endpoint = kind == IngestKind.Prices
            ? api.MapPost(path, (HttpContext context, AnalyticsDbContext db, TimeProvider time, IOptions<LimitsOptions> limits,
                    [Description("A venue format (see the description); omit for our row shape.")] string? format,
                    [Description("Format parameter: price source id (price-csv: required).")] string? source,
                    [Description("Format parameter: underlying symbol (price-csv: one for every row, or give underlyingColumn).")] string? underlying,
                    [Description("price-csv: the time column (default `date`).")] string? timeColumn,
                    [Description("price-csv: the price column, USD (default `value`).")] string? valueColumn,
                    [Description("price-csv: the column naming each row's underlying, instead of `underlying`.")] string? underlyingColumn,
                    [Description("price-csv: the time zone of naive times: `UTC` (default), an IANA id such as `Europe/London`, or an offset such as `+03:00`.")] string? timeZone,
                    [Description("price-csv: a .NET custom format of the time column (e.g. `dd/MM/yyyy`), or `unix` (epoch seconds or milliseconds); default ISO-8601.")] string? dateFormat,
                    CancellationToken cancellationToken) =>
                    IngestAsync(kind, context, db, time, limits.Value, format, new FormatParameters(new Dictionary<string, string?>
                    {
                        ["source"] = source, ["underlying"] = underlying, ["timeColumn"] = timeColumn, ["valueColumn"] = valueColumn,
                        ["underlyingColumn"] = underlyingColumn, ["timeZone"] = timeZone, ["dateFormat"] = dateFormat,
                    }), cancellationToken))
            : api.MapPost(path, (HttpContext context, AnalyticsDbContext db, TimeProvider time, IOptions<LimitsOptions> limits,
                    [Description("A venue format (see the description); omit for our row shape.")] string? format,
                    [Description("Format parameter: venue id.")] string? venue,
                    [Description("Format parameter: funding interval, hours.")] string? intervalHours,
                    [Description("Format parameter: hours the file's local times are ahead of UTC.")] string? utcOffsetHours,
                    [Description("Format parameter: market (funding) to use instead of the file's.")] string? market,
                    CancellationToken cancellationToken) =>
                    IngestAsync(kind, context, db, time, limits.Value, format, new FormatParameters(new Dictionary<string, string?>
                    {
                        ["venue"] = venue, ["intervalHours"] = intervalHours, ["utcOffsetHours"] = utcOffsetHours, ["market"] = market,
                    }), cancellationToken));
        endpoint
            .WithTags("Indexed data")
            .RequireAuthorization(AuthNames.WritePolicy)
            .Accepts<TRow[]>(RecordSources.Json, RecordSources.NdJson, RecordSources.Csv)
            .Produces<IngestResponse>()
            .Produces<IngestRejectionResponse>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description + " " + Common);
    }

    private static async Task<IResult> IngestAsync(IngestKind kind, HttpContext context, AnalyticsDbContext db, TimeProvider time,
        LimitsOptions limits, string? format, FormatParameters parameters, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            || contentType.MediaType.Value?.ToLowerInvariant() is not { } mediaType || !MediaTypes.Contains(mediaType))
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"Content-Type '{context.Request.ContentType}' is not accepted here; send {string.Join(", ", MediaTypes)}.");
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limits.MaxIngestBodyBytes;

        IngestResult result;
        try
        {
            result = await Ingestor.IngestAsync(db, kind, mediaType, format, parameters, context.Request.Body,
                time.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (IngestFormatException ex)
        {
            return Problems.Invalid(ex.Field, ex.Message, "The input could not be read; nothing was written");
        }
        catch (IOException ex) when (ex is not FileNotFoundException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The upload was cut off; nothing was written", detail: ex.Message);
        }

        if (result.Succeeded)
            return TypedResults.Ok(new IngestResponse(result.Inserted, result.Duplicates));
        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Rows were rejected; nothing was written",
            detail: $"{result.Rejected} row(s) rejected; fix them and send the batch again.",
            extensions: new Dictionary<string, object?>
            {
                ["rejected"] = result.Rejected,
                ["errors"] = result.Errors.Select(e => new RowErrorResponse(e.Row, e.Field, e.Message)).ToList(),
            });
    }
}
