using System.Collections.Immutable;
using System.Text.Json;
using Analytics.Api.Contracts.Risk;
using Analytics.Api.Endpoints.Costs;
using Analytics.Api.Errors;
using Analytics.Api.Options;
using Analytics.Data;
using Analytics.Data.Portfolios;
using Analytics.Data.Risk;
using Analytics.Pricing.Risk;
using Analytics.Pricing.Risk.Stress;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Endpoints.Risk;

/// <summary><c>POST /api/v1/risk/stress</c>.</summary>
internal static class StressEndpoint
{
    private const int MaxScenarios = 50, MaxVolBuckets = 20;

    public static async Task<Results<Ok<StressResponse>, ValidationProblem, ProblemHttpResult>> RunAsync(
        StressRequest request, AnalyticsDbContext db, PortfolioStore portfolios, StressService service, ChainProfiles chains,
        IOptionsMonitor<SurfacesOptions> surfaces, IOptionsMonitor<RiskOptions> risk, TimeProvider time, HttpContext context, CpuBudget cpu,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var carry = CarryRequests.Parse(request.Carry, risk.CurrentValue.Defaults, errors);
        var asOf = errors.Instant("asOf", request.AsOf) is { } at ? new DateTimeOffset(at) : time.GetUtcNow();
        var scenarios = Scenarios(request.Scenarios, errors);
        var (definition, stored, invalid, problem) = await RiskBookResolver.ResolveAsync(request.PortfolioId, request.Version, request.Positions,
            request.Collateral, errors, "The stress test cannot be run as asked", db, portfolios, chains, cancellationToken);
        if (invalid is not null) return invalid;
        if (problem is not null) return problem;
        var book = RiskBookResolver.BookOf(definition!);
        CarryRequests.CheckHeld(carry, book, errors);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The stress test cannot be run as asked");
        if (cpu.Admit(context, RiskCosts.Stress(book, scenarios.Count)) is { } overBudget) return overBudget;

        var outcome = await service.RunAsync(book, scenarios, asOf, surfaces.CurrentValue.DefaultSurfaceModel, carry, cancellationToken);
        if (outcome.Inputs is not { } inputs) return RiskBookResolver.MissingProblem(outcome.Missing);
        return TypedResults.Ok(new StressResponse(asOf,
            [.. outcome.Results.Select(r => new StressScenarioResultResponse(r.Name,
                r.Moves.ToDictionary(m => m.Key, m => new StressMoveResponse(m.Value.SpotRelative, m.Value.VolAbsolute, m.Value.Source,
                    m.Value.VolBuckets.IsDefaultOrEmpty ? null
                        : [.. m.Value.VolBuckets.Select(b => new VolBucketResponse(double.IsPositiveInfinity(b.MaxLogMoneyness) ? null : b.MaxLogMoneyness, b.Shift))])),
                r.Loss, r.PositionLosses, r.CollateralLoss))],
            VarEndpoint.Inputs(inputs, stored)));
    }

    /// <summary>
    /// Reads <c>scenarios</c>: names of the catalogue, or objects with <c>name</c> and <c>moves</c>. A string or name holding
    /// an escaped lone surrogate (<c>\ud800</c>) has no .NET string value (System.Text.Json throws
    /// <see cref="InvalidOperationException"/> when asked for it): that is a field error, not a server error.
    /// </summary>
    private static List<StressScenarioDefinition> Scenarios(IReadOnlyList<JsonElement>? items, FieldErrors errors)
    {
        try
        {
            return ReadScenarios(items, errors);
        }
        catch (InvalidOperationException)
        {
            errors.Add("scenarios", "a name or string is not well-formed UTF-16 (a lone surrogate escape).");
            return [];
        }
    }

    private static List<StressScenarioDefinition> ReadScenarios(IReadOnlyList<JsonElement>? items, FieldErrors errors)
    {
        var result = new List<StressScenarioDefinition>();
        if (items is null or { Count: 0 } || items.Count > MaxScenarios)
        {
            errors.Add("scenarios", $"give 1–{MaxScenarios} scenarios: names ({string.Join(", ", HistoricalStressScenarios.All.Keys)}) or {{ name, moves }} objects.");
            return result;
        }

        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var field = $"scenarios[{i}]";
            if (item.ValueKind == JsonValueKind.String)
            {
                var name = item.GetString()!;
                if (HistoricalStressScenarios.All.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) is { } known)
                    result.Add(new StressScenarioDefinition(known, null));
                else
                    errors.Add(field, $"'{name}' is not a named scenario: {string.Join(", ", HistoricalStressScenarios.All.Keys)}.");
            }
            else if (item.ValueKind == JsonValueKind.Object && UserDefined(item, field, errors) is { } defined)
            {
                result.Add(defined);
            }
            else if (item.ValueKind is not JsonValueKind.Object)
            {
                errors.Add(field, "must be a scenario name or { name, moves }.");
            }
        }

        return result;
    }

    private static StressScenarioDefinition? UserDefined(JsonElement item, string field, FieldErrors errors)
    {
        string? name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) errors.Add($"{field}.name", "is required: 1–100 characters.");
        if (!item.TryGetProperty("moves", out var moves) || moves.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{field}.moves", "is required: { \"ETH\": { \"spot\": -0.3, \"vol\": 0.2 } }.");
            return null;
        }

        var parsed = ImmutableSortedDictionary.CreateBuilder<string, UnderlyingShift>(StringComparer.Ordinal);
        foreach (var move in moves.EnumerateObject())
        {
            var at = $"{field}.moves.{move.Name}";
            JsonElement volElement = default;
            bool hasVol = move.Value.ValueKind == JsonValueKind.Object && move.Value.TryGetProperty("vol", out volElement);
            double? spot = Number(move.Value, "spot");
            if (move.Value.ValueKind != JsonValueKind.Object || (spot is null && !hasVol))
            {
                errors.Add(at, "must be { \"spot\": relative move, \"vol\": absolute shift or { \"buckets\": [...] } } (either may be left out).");
                continue;
            }

            var s = errors.Range($"{at}.spot", spot ?? 0, -0.999999, 100, "relative move", minExclusive: false) ?? 0;
            if (hasVol && volElement.ValueKind == JsonValueKind.Object)
            {
                parsed[Identifiers.Underlying(move.Name)] = new UnderlyingShift(s, 0.0) { VolBuckets = Buckets(volElement, $"{at}.vol", errors) };
                continue;
            }

            var v = errors.Range($"{at}.vol", Number(move.Value, "vol") ?? 0, -1, 5, "absolute vol shift") ?? 0;
            parsed[Identifiers.Underlying(move.Name)] = new UnderlyingShift(s, v);
        }

        return string.IsNullOrWhiteSpace(name) ? null : new StressScenarioDefinition(name, parsed.ToImmutable());
    }

    /// <summary>
    /// Reads <c>{ "buckets": [ { "maxLogMoneyness": -0.2, "shift": 0.1 }, ..., { "shift": 0.02 } ] }</c>: 1–20 buckets,
    /// bounds strictly ascending, only the last without a bound (open above).
    /// </summary>
    private static ImmutableArray<VolBucketShift> Buckets(JsonElement vol, string at, FieldErrors errors)
    {
        if (!vol.TryGetProperty("buckets", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() is 0 or > MaxVolBuckets
            || vol.EnumerateObject().Any(p => p.Name != "buckets"))
        {
            errors.Add($"{at}.buckets", $"give {{ \"buckets\": [ {{ \"maxLogMoneyness\": -0.2, \"shift\": 0.1 }}, ..., {{ \"shift\": 0.02 }} ] }}: 1–{MaxVolBuckets} buckets, the last without maxLogMoneyness.");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<VolBucketShift>();
        int count = items.GetArrayLength(), b = 0;
        foreach (var item in items.EnumerateArray())
        {
            var f = $"{at}.buckets[{b}]";
            bool last = b == count - 1;
            if (item.ValueKind != JsonValueKind.Object || item.EnumerateObject().Any(p => p.Name is not ("maxLogMoneyness" or "shift")))
            {
                errors.Add(f, "must be { \"maxLogMoneyness\": bound, \"shift\": absolute vol shift }.");
                return [];
            }

            var shift = errors.Range($"{f}.shift", Number(item, "shift") ?? double.NaN, -1, 5, "absolute vol shift");
            double? bound = Number(item, "maxLogMoneyness");
            if (last && bound is not null) errors.Add($"{f}.maxLogMoneyness", "must be left out on the last bucket (it is open above).");
            if (!last && bound is null) errors.Add($"{f}.maxLogMoneyness", "is required on every bucket but the last.");
            var checkedBound = last ? double.PositiveInfinity : bound is { } x ? errors.Range($"{f}.maxLogMoneyness", x, -10, 10, "log-moneyness") : null;
            if (!last && checkedBound is { } cb && result.Count > 0 && !(cb > result[^1].MaxLogMoneyness))
                errors.Add($"{f}.maxLogMoneyness", "must be above the previous bucket's bound.");
            if (shift is null || checkedBound is null) return [];
            result.Add(new VolBucketShift(checkedBound.Value, shift.Value));
            b++;
        }

        return result.ToImmutable();
    }

    private static double? Number(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetDouble(out var d)
            ? d : element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out _) ? double.NaN : null;
}
