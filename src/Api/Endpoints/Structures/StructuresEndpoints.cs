using Analytics.Api.Auth;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Contracts.Structures;
using Analytics.Api.Endpoints.Surfaces;
using Analytics.Data.Telemetry;
using Analytics.Api.Endpoints.L2;
using Analytics.Api.Endpoints.Pricing;
using Analytics.Api.Endpoints.Costs;
using Analytics.Api.Errors;
using Analytics.Pricing;
using Analytics.Pricing.L2;
using Analytics.Pricing.Structures;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints.Structures;

/// <summary>Multi-leg structures: <c>/api/v1/structures</c>.</summary>
public static class StructuresEndpoints
{
    public static RouteGroupBuilder MapStructuresEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/structures/price", PriceAsync)
            .WithTags("Structures")
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("PriceStructure")
            .WithSummary("Price a spread, butterfly, condor, straddle, calendar ... or custom legs")
            .WithDescription("A template of API.md's table (strikes ascending as given) or custom legs (mixed expiries, American " +
                             "legs allowed). Returns the net premium (positive = paid), position Greeks, each leg, the P&L at the first " +
                             "expiry on a grid, maximum profit and loss (null when unbounded), break-evens, and the gas saved by " +
                             "executing all legs in one L2 transaction. Tenors come as `tenorYears` or as expiries (ISO-8601 UTC, a " +
                             "date alone meaning 08:00 UTC): a template's `expiry`, a calendar's `farExpiry`, each custom leg's " +
                             "`expiry`, all running from `valuationTime` (default now); both for one leg is a 400. Template `diagonal` " +
                             "(strikes K1 < K2, `expiry` near, `farExpiry` far): calls −1 call K2 near and +1 call K1 far, puts −1 put " +
                             "K1 near and +1 put K2 far. With an `l2` block: the " +
                             "structure's bid and ask (PRODUCT.md §3.4): the Leland side chosen by the sign of the net gamma, and each " +
                             "side's hedging cost applied as a non-negative amount, ask = mid + |Σ qᵢ(Vᵢ(σ_ask side) − Vᵢ(σ))| + gas, " +
                             "bid = mid − |Σ qᵢ(Vᵢ(σ_bid side) − Vᵢ(σ))| − gas (a hedging cost is always paid, Hoggard, Whalley and " +
                             "Wilmott 1994), so bid ≤ mid ≤ ask for every structure. `premiumCurrency: underlying` answers the " +
                             "premium figures in the underlying (÷ spot). With `volSource: surface` every leg's vol is read at its strike " +
                             "and tenor from the surface named by `surfaceId`, else from the newest published surface of `underlying` " +
                             "of the model `Surfaces:DefaultModel` with an as-of at or before `valuationTime` (default now), and " +
                             "`surfaceId`, `surfaceModel` and `surfaceAsOf` say which; 422 naming the field when there is none. " +
                             "Invalid structures get 400 naming the field." +
                             CpuBudgetDocs.Sentence("the legs (each priced with its style's default engine) and `payoffPoints` × the legs " +
                                                    "expiring after the first expiry"))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<Results<Ok<StructurePriceResponse>, ValidationProblem, ProblemHttpResult>> PriceAsync(
        StructurePriceRequest request, ChainProfiles chains, FundingCarryResolver funding, TimeProvider timeProvider, HttpContext http,
        SurfaceStore surfaces, ObservedGasResolver gas, CpuBudget cpu, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        // The shared input bounds of POST /options/price (OptionRequestValidator); vol 0 is a limit, with the L2 model too.
        var spot = errors.Required("spot", request.Spot, 0, OptionRequestValidator.MaxPriceUsd, "USD", minExclusive: true);
        var rate = errors.Required("rate", request.Rate, -OptionRequestValidator.MaxAbsRate, OptionRequestValidator.MaxAbsRate,
            "annualised, continuously compounded decimal");
        var dividendYield = errors.Range("dividendYield", request.DividendYield, -OptionRequestValidator.MaxAbsRate, OptionRequestValidator.MaxAbsRate,
            "annualised decimal") ?? 0;
        var carryRate = errors.Range("carryRate", request.CarryRate, -OptionRequestValidator.MaxAbsRate, OptionRequestValidator.MaxAbsRate, "annualised decimal");
        var vol = errors.Range("vol", request.Vol, 0, OptionRequestValidator.MaxVol, "annualised decimal; 0 prices the deterministic limit") ?? 0.2;
        var points = request.PayoffPoints ?? 101;
        if (points is < 2 or > 10_001) errors.Add("payoffPoints", "must be between 2 and 10,001.");
        StructureRequestMapping.SurfaceFields(request, errors);
        StructureRequestMapping.ValuationTimeField(request, errors);
        var valuationTime = request.ValuationTime ?? timeProvider.GetUtcNow();
        var mapped = StructureRequestMapping.Definition(request, valuationTime, errors);
        var l2 = request.L2 is null ? null : L2RequestValidator.Validate(request.L2, request.CarryRate, hasForward: false, engine: null, chains, errors);
        if (mapped is not null && errors.IsEmpty)
        {
            // |x·T| ≤ 500 for every rate, yield and carry at the longest leg, as on POST /options/price.
            var longest = mapped.Definition.Legs.Max(l => l.TenorYears);
            RateTimesTenor("rate", rate, longest, errors);
            RateTimesTenor("dividendYield", request.DividendYield, longest, errors);
            RateTimesTenor("carryRate", carryRate, longest, errors);
            if (carryRate is null && rate is { } r && Math.Abs(r - dividendYield) * longest > OptionRequestValidator.MaxAbsRateTimesTenor)
                errors.Add("dividendYield", $"(rate − dividendYield)·tenorYears must be within ±{OptionRequestValidator.MaxAbsRateTimesTenor} at the longest leg; got {(r - dividendYield) * longest:G6}.");
        }
        if (!errors.IsEmpty || mapped is null)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The structure cannot be priced as given");

        var definition = mapped.Definition;
        if (cpu.Admit(http, OptionCosts.Structure(definition, points, l2 is not null)) is { } overBudget) return overBudget;
        if (l2 is not null)
        {
            var (resolved, noGas) = await gas.ApplyAsync(l2, cancellationToken);
            if (noGas is not null) return ObservedGasResolver.NoObservedGasProblem([l2.Chain.Id], "l2.gas");
            l2 = resolved;
        }

        StoredSurface? surface = null;
        var name = definition.Name;
        if (request.VolSource == VolSource.Surface)
        {
            var underlying = request.Underlying is { } u ? Identifiers.Underlying(u) : null;
            var pick = await SurfaceVolFilter.Selector(surfaces, http).PickAsync(underlying, request.SurfaceId, valuationTime);
            if (pick.Surface is null) return Problems.ForField(SurfacePick.BodyStatus, pick.Title!, pick.Detail!, pick.Field!);
            surface = pick.Surface;
            definition = StructureRequestMapping.WithSurfaceVols(definition, surface.Surface);
        }

        CarrySpecification carry;
        if (l2?.Funding is { } series)
        {
            var (fundingRate, error) = await funding.ResolveAsync(series, valuationTime, cancellationToken);
            if (error is not null) return FundingCarryResolver.TooLittleDataProblem(error);
            carry = CarrySpecification.FromFunding(fundingRate!.Value);
        }
        else
        {
            carry = carryRate is { } b ? CarrySpecification.FromExplicit(b) : CarrySpecification.FromRates(rate!.Value, dividendYield);
        }

        var market = new StructureMarket(spot!.Value, vol, rate!.Value, carry);
        var highestStrike = definition.Legs.Max(l => l.Strike);
        var grid = PayoffGrid.Create(0, 2 * Math.Max(spot.Value, highestStrike), points);
        var result = StructurePricer.Default.Price(definition, market, l2?.TermsOn(l2.Chain), grid);
        foreach (var engine in result.Legs.CountBy(l => l.EngineId)) AnalyticsMetrics.CountPriced(engine.Key, "structure", engine.Value);
        var response = StructureRequestMapping.ToResponse(result, l2?.CarrySource, mapped, request.PremiumCurrency ?? PremiumCurrency.Usd, spot.Value,
                l2?.Gas ?? Contracts.L2.GasSource.Configured)
            with { ValuationTime = surface is not null || mapped.UsesExpiries ? valuationTime.ToUniversalTime() : null };
        return TypedResults.Ok(surface is null ? response : response with
        {
            Name = name,
            SurfaceId = surface.Id, SurfaceModel = surface.Surface.Model, SurfaceAsOf = surface.Surface.AsOfUtc,
        });
    }

    private static void RateTimesTenor(string field, double? value, double tenorYears, FieldErrors errors)
    {
        if (value is { } x && Math.Abs(x) * tenorYears > OptionRequestValidator.MaxAbsRateTimesTenor)
            errors.Add(field, $"{field}·tenorYears must be within ±{OptionRequestValidator.MaxAbsRateTimesTenor} at the longest leg ({tenorYears:G6} years); got {x * tenorYears:G6}.");
    }
}
