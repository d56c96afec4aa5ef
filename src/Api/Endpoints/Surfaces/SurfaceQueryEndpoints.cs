using System.Globalization;
using Analytics.Api.Contracts.Surfaces;
using Analytics.Api.Endpoints.Pricing;
using Analytics.Api.Errors;
using Analytics.Api.Rendering;
using Analytics.Api.Serialization;
using Analytics.Data;
using Analytics.Pricing.Surfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>Queries of one stored surface: vol at a point, grid export, pictures, inputs.</summary>
internal static class SurfaceQueryEndpoints
{
    /// <summary>The shared input bounds (<see cref="OptionRequestValidator"/>): tenors up to 1000 years, prices up to 1e12 USD.</summary>
    private const double MaxTenorYears = OptionRequestValidator.MaxTenorYears;

    public static void Map(RouteGroupBuilder group, SurfaceStore store)
    {
        group.MapGet("/{id:long}/vol", (long id, double? strike, string? expiry, double? logMoneyness, double? tenorYears, AnalyticsDbContext db, CancellationToken ct) =>
                VolAsync(store, id, strike, expiry, logMoneyness, tenorYears, db, ct))
            .WithName("GetSurfaceVol")
            .WithSummary("Implied vol of a surface at one point")
            .WithDescription("Give `strike` (USD) or `logMoneyness` (k = ln(K/F_T)), and `expiry` (ISO-8601 UTC, or a date meaning 08:00 UTC) or `tenorYears` (Act/365F from " +
                             "the surface's as-of). Between slices total variance is linear in T at fixed k (no calendar arbitrage is added); " +
                             "before the first slice and after the last the vol at fixed k is held constant (w scales with T); ln F is linear " +
                             "in T between slices and flat outside. Within a slice the SVI wings extend linearly in k (Lee-bounded). " +
                             "`extrapolation` says which rule applied in tenor and in strike (inside or outside the range quoted on both sides).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/grid", (long id, double? logMoneynessFrom, double? logMoneynessTo, int? logMoneynessPoints, string? tenorsYears,
                AnalyticsDbContext db, CancellationToken ct) => GridAsync(store, id, logMoneynessFrom, logMoneynessTo, logMoneynessPoints, tenorsYears, db, ct))
            .WithName("GetSurfaceGrid")
            .WithSummary("Vols on a log-moneyness × tenor grid")
            .WithDescription("Default grid: k from −1 to 1 in 41 points, and the slices' own tenors. `tenorsYears` is a comma-separated " +
                             "list of tenors in years (at most 200); `logMoneynessPoints` 2–401. `vols[i][j]` is the vol at tenor i, k j.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/smile.svg", (long id, string? expiry, AnalyticsDbContext db, CancellationToken ct) => PictureAsync(store, id, expiry, SmileChartFormat.Svg, db, ct))
            .WithName("GetSurfaceSmileSvg")
            .WithSummary("Picture of the surface (SVG)")
            .WithDescription("One panel per expiry: the fitted smile (implied vol, % against log-moneyness) over the market bid, ask and " +
                             "mid vols of the quotes used and the venue's mark vols; each panel's title names the RMSEs it shows (against " +
                             "the venue's marks and against mids). A last panel has the ATM (k = 0) term structure. `expiry` (ISO-8601 " +
                             "instant, or a UTC date naming the slice expiring that day, as on the option chain) draws that slice alone.")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/smile.png", (long id, string? expiry, AnalyticsDbContext db, CancellationToken ct) => PictureAsync(store, id, expiry, SmileChartFormat.Png, db, ct))
            .WithName("GetSurfaceSmilePng")
            .WithSummary("Picture of the surface (PNG)")
            .WithDescription("The picture of `smile.svg` as a PNG.")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<SurfaceVolResponse>, ValidationProblem, ProblemHttpResult>> VolAsync(
        SurfaceStore store, long id, double? strike, string? expiryText, double? logMoneyness, double? tenorYears,
        AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        DateTimeOffset? expiry = null;
        if (expiryText is not null)
        {
            if (!ExpiryInstant.TryParse(expiryText, out var parsed))
                return TypedResults.ValidationProblem(Problems.Single("expiry", $"'{expiryText}' is neither an ISO-8601 instant nor a date (yyyy-MM-dd, meaning 08:00 UTC)."));
            expiry = parsed;
        }

        if (await store.FindAsync(db, id, cancellationToken) is not { } stored) return SurfaceEndpoints.NotFound(id);
        var surface = stored.Surface;
        var errors = new FieldErrors();
        if ((strike is null) == (logMoneyness is null)) errors.Add("strike", "give either strike or logMoneyness.");
        if ((expiry is null) == (tenorYears is null)) errors.Add("expiry", "give either expiry or tenorYears.");
        var k = errors.Range("logMoneyness", logMoneyness, -10, 10, "ln(K/F)");
        var K = errors.Range("strike", strike, 0, OptionRequestValidator.MaxPriceUsd, "USD", minExclusive: true);
        var t = errors.Range("tenorYears", tenorYears, 0, MaxTenorYears, "years", minExclusive: true);
        if (expiry is { } e)
        {
            var years = SurfaceQuotePreparer.TenorYears(surface.AsOfUtc, e);
            if (years is > 0 and <= MaxTenorYears) t = years;
            else errors.Add("expiry", $"must be after the surface's as-of {surface.AsOfUtc.UtcDateTime:O} and at most {MaxTenorYears} years later.");
        }
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var T = t!.Value;
        var forward = surface.Forward(T);
        var kk = k ?? Math.Log(K!.Value / forward);
        var w = surface.TotalVariance(kk, T);
        var rule = SurfaceExtrapolation.Describe(surface, kk, T);
        var extrapolation = SurfaceMapping.Extrapolation(rule);
        return TypedResults.Ok(new SurfaceVolResponse(id, surface.LognormalVol(kk, T), w, kk, T, forward, forward * Math.Exp(kk), extrapolation));
    }

    private static async Task<Results<Ok<SurfaceGridResponse>, ValidationProblem, ProblemHttpResult>> GridAsync(
        SurfaceStore store, long id, double? from, double? to, int? points, string? tenorsYears, AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(db, id, cancellationToken) is not { } stored) return SurfaceEndpoints.NotFound(id);
        var errors = new FieldErrors();
        var lo = errors.Range("logMoneynessFrom", from, -10, 10, "ln(K/F)") ?? -1.0;
        var hi = errors.Range("logMoneynessTo", to, -10, 10, "ln(K/F)") ?? 1.0;
        var n = points ?? 41;
        if (n is < 2 or > 401) errors.Add("logMoneynessPoints", $"must be 2–401; got {n}.");
        if (hi <= lo) errors.Add("logMoneynessTo", "must be greater than logMoneynessFrom.");
        var tenors = stored.Surface.Slices.Select(s => s.TenorYears).ToList();
        if (tenorsYears is not null)
        {
            tenors = [];
            foreach (var text in tenorsYears.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && !double.IsSubnormal(v) && v is > 0 and <= MaxTenorYears) tenors.Add(v);
                else errors.Add("tenorsYears", $"'{text}' is not a tenor in years (> 0, not subnormal, and ≤ {MaxTenorYears}).");
            }
            if (tenors.Count is 0 or > 200) errors.Add("tenorsYears", "must list 1–200 tenors, comma-separated.");
        }
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var ks = Enumerable.Range(0, n).Select(i => lo + (hi - lo) * i / (n - 1)).ToArray();
        var grid = stored.Surface.ExportGrid(ks, tenors);
        var rows = Enumerable.Range(0, tenors.Count).Select(i => Enumerable.Range(0, n).Select(j => grid.Vol(i, j)).ToArray()).ToList();
        return TypedResults.Ok(new SurfaceGridResponse(id, ks, tenors, rows));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> PictureAsync(
        SurfaceStore store, long id, string? expiry, SmileChartFormat format, AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(db, id, cancellationToken) is not { } stored) return SurfaceEndpoints.NotFound(id);
        byte[] bytes;
        if (expiry is null)
        {
            bytes = SurfaceSmileChart.Render(stored, format);
        }
        else
        {
            if (SliceAt(stored.Surface, expiry) is not { } slice)
            {
                var listed = string.Join(", ", stored.Surface.Slices.Select(s => s.ExpiryUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
                var errors = new FieldErrors();
                errors.Add("expiry", $"'{expiry}' names no slice of surface {id} (give an ISO-8601 instant or a UTC date); its expiries are {listed}.");
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            bytes = SurfaceSmileChart.Render(stored, slice, format);
        }

        return TypedResults.File(bytes, format == SmileChartFormat.Png ? "image/png" : "image/svg+xml");
    }

    /// <summary>The slice expiring at an ISO-8601 instant, or on a UTC date (yyyy-MM-dd); null when none does or the text is neither.</summary>
    private static SurfaceSlice? SliceAt(VolatilitySurface surface, string expiry)
    {
        if (DateOnly.TryParseExact(expiry, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return surface.Slices.FirstOrDefault(s => DateOnly.FromDateTime(s.ExpiryUtc.UtcDateTime) == date);
        return DateTimeOffset.TryParse(expiry, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? surface.Slices.FirstOrDefault(s => s.ExpiryUtc == instant)
            : null;
    }
}
