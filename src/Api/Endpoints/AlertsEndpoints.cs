using System.ComponentModel;
using Analytics.Api.Auth;
using Analytics.Api.Contracts.Alerts;
using Analytics.Api.Errors;
using Analytics.Data;
using Analytics.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Api.Endpoints;

/// <summary>Margin alerts raised by the <c>margin-monitor</c> job: <c>GET /api/v1/alerts</c>.</summary>
public static class AlertsEndpoints
{
    public static RouteGroupBuilder MapAlertsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", ListAsync)
            .WithTags("Jobs")
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("ListAlerts")
            .WithSummary("Margin alerts, cursor-paginated")
            .WithDescription("Alerts the `margin-monitor` job raised: a portfolio's utilisation (maintenance margin with the chain's " +
                             "liquidation-latency add-on ÷ equity) crossed the configured `warning` or `liquidation` threshold under one " +
                             "model on one chain; one alert per upward crossing, not one per run. Filters: `portfolioId`, `level`, and " +
                             "[from, to) on the instant raised. " + KeysetListing.Description)
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Ok<AlertPageResponse>, ValidationProblem>> ListAsync(
        AnalyticsDbContext db, long? portfolioId, DateTimeOffset? from, DateTimeOffset? to,
        [Description("`warning` or `liquidation`.")] string? level, string? cursor,
        [Description("Page size, 1–1000."), DefaultValue(KeysetListing.DefaultLimit)] int? limit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var listing = KeysetListing.Read(from, to, cursor, limit, errors);
        if (portfolioId is <= 0) errors.Add("portfolioId", $"must be a positive portfolio id; got {portfolioId}.");
        var wanted = level?.Trim().ToLowerInvariant();
        if (wanted is not (null or MarginAlertRule.Warning or MarginAlertRule.Liquidation))
            errors.Add("level", $"'{level}' is not a level: {MarginAlertRule.Warning}, {MarginAlertRule.Liquidation}.");
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var query = db.MarginAlerts.AsNoTracking();
        if (portfolioId is { } p) query = query.Where(a => a.PortfolioId == p);
        if (wanted is not null) query = query.Where(a => a.Level == wanted);
        if (listing.FromUtc is { } f) query = query.Where(a => a.RaisedAtUtc >= f);
        if (listing.ToUtc is { } t) query = query.Where(a => a.RaisedAtUtc < t);
        if (listing.After is { } after) query = query.Where(a => a.RaisedAtUtc > after.At || (a.RaisedAtUtc == after.At && a.Id > after.Id));
        var rows = await query.OrderBy(a => a.RaisedAtUtc).ThenBy(a => a.Id).Take(listing.Limit + 1).ToListAsync(cancellationToken);
        (DateTime, long)? next = null;
        if (rows.Count > listing.Limit)
        {
            rows.RemoveAt(listing.Limit);
            next = (rows[^1].RaisedAtUtc, rows[^1].Id);
        }
        return TypedResults.Ok(new AlertPageResponse(rows.Select(a => new AlertResponse(
            a.Id, a.PortfolioId, a.PortfolioVersion, a.Model, a.Chain, a.Level,
            new DateTimeOffset(DateTime.SpecifyKind(a.RaisedAtUtc, DateTimeKind.Utc)), new DateTimeOffset(DateTime.SpecifyKind(a.AsOfUtc, DateTimeKind.Utc)),
            a.Utilisation, a.Threshold, a.EquityUsd, a.MaintenanceMarginUsd, a.InitialMarginUsd, a.RecurringJobId)).ToList(), KeysetListing.Encode(next)));
    }
}
