using Analytics.Api.Auth;
using Analytics.Api.Contracts.L2;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Endpoints.L2;
using Analytics.Api.Endpoints.Pricing;
using Analytics.Api.Errors;
using Analytics.Pricing.L2;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>The L2 model: <c>/api/v1/l2</c>.</summary>
public static class L2Endpoints
{
    public static RouteGroupBuilder MapL2Endpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/l2").WithTags("L2").RequireAuthorization(AuthNames.ReadPolicy);
        group.MapGet("/chains", GetChains)
            .WithName("GetChainProfiles")
            .WithSummary("The configured chain profiles")
            .WithDescription("Rollup type, withdrawal delay to L1, block time, gas cost per transaction and liquidation latency " +
                             "for each configured chain (Ethereum L1, Arbitrum One, OP Mainnet, Base, zkSync Era, Starknet, Scroll, " +
                             "Linea by default), with the source of each default. Configured under `Chains` in appsettings.json.");
        group.MapPost("/compare", CompareAsync)
            .WithName("CompareChains")
            .WithSummary("Price one option on every configured chain, side by side")
            .WithDescription("The body of POST /api/v1/options/price, its `l2` block without `chain` (profile overrides apply to " +
                             "every chain). For each chain: mid, bid, ask, spread, discount factor (with the settlement delay when " +
                             "`settlement` is `l1`), gas per contract and Leland number: L2 spreads are tighter than L1's, and " +
                             "optimistic-rollup L1 settlement costs more than ZK. With `\"gas\": \"observed\"` each chain is priced " +
                             "at the median USD gas per trade indexed on it over the last 24 h (GET /api/v1/l2/chains/{id}/gas), and " +
                             "422 names every chain without one; each result's `gas` and `gasCostUsd` say which gas was used. At the limits " +
                             "(tenor, vol, strike or spot 0) each chain quotes the limit value settled, ∓ its gas per contract, and " +
                             "`limit` says which, as on POST /api/v1/options/price.");
        return group;
    }

    private static Ok<ChainProfilesResponse> GetChains(ChainProfiles chains) =>
        TypedResults.Ok(new ChainProfilesResponse(chains.All
            .Select(p => new ChainProfileResponse(p.Id, p.Name, Rollup(p), p.WithdrawalDelayHours, p.BlockTimeSeconds,
                p.GasCostUsd, p.LiquidationLatencySeconds, p.Source))
            .ToList()));

    private static async Task<Results<Ok<L2CompareResponse>, ValidationProblem, ProblemHttpResult>> CompareAsync(
        OptionPriceRequest request, TimeProvider timeProvider, ChainProfiles chains, FundingCarryResolver funding, ObservedGasResolver gas,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var validated = OptionRequestValidator.Validate(request, timeProvider.GetUtcNow(), errors, ZeroLimits.All);
        var l2Request = request.L2 ?? new L2Request(null, null, null, null, null, null, null, null, null, null, null, null, null);
        var l2 = L2RequestValidator.Validate(l2Request, request, chains, errors, chainOverride: chains.All[0]);
        if (validated is not var (option, vol) || l2 is null)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The option cannot be priced as given");

        // Each chain with the request's overrides and, with "gas": "observed", its own median gas: a 422 naming every chain without one.
        var profiles = new List<ChainProfile>(chains.All.Count);
        var withoutGas = new List<string>();
        foreach (var chain in chains.All)
        {
            if (await gas.ApplyAsync(l2.Overridden(chain), l2.Gas, cancellationToken) is { } profile) profiles.Add(profile);
            else withoutGas.Add(chain.Id);
        }
        if (withoutGas.Count > 0) return ObservedGasResolver.NoObservedGasProblem(withoutGas, "l2.gas");

        double? fundingRate = null;
        if (l2.Funding is { } series)
        {
            var (rate, error) = await funding.ResolveAsync(series, option.ValuationTime, cancellationToken);
            if (error is not null) return FundingCarryResolver.TooLittleDataProblem(error);
            fundingRate = rate;
        }

        var carry = L2OptionPricing.Carry(option, l2, fundingRate);
        var pricer = L2OptionPricing.PricerFor(option.Engine);
        List<L2ChainQuoteResponse> results;
        try
        {
            results = profiles.Select(chain =>
            {
                var r = pricer.Price(L2OptionPricing.Inputs(option, vol, l2, carry, chain));
                return new L2ChainQuoteResponse(chain.Id, Rollup(chain), r.Price, r.Bid, r.Ask, r.Spread, r.DiscountFactor,
                    r.SettlementDelayYears, r.GasPerContractUsd, r.LelandNumber, l2.Gas, chain.GasCostUsd) { Limit = r.Limit };
            }).ToList();
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or InvalidOperationException)
        {
            // Extreme but valid inputs (vol 100, a 1,000-year tenor) an engine refuses: unusable for the L2 model, not a 500.
            return Problems.WithErrors(StatusCodes.Status422UnprocessableEntity, "The L2 model cannot price these inputs",
                e.Message, new Dictionary<string, string[]> { ["engine"] = [$"the engine could not price these inputs: {e.Message}"] });
        }
        if (results.Any(q => !(double.IsFinite(q.Price) && double.IsFinite(q.Bid) && double.IsFinite(q.Ask))))
            return Problems.WithErrors(StatusCodes.Status422UnprocessableEntity, "The L2 model cannot price these inputs",
                "the engine gave a non-finite price.", new Dictionary<string, string[]> { ["engine"] = ["the engine gave a non-finite price for these inputs."] });
        return TypedResults.Ok(new L2CompareResponse(results));
    }

    private static string Rollup(ChainProfile profile) => profile.Rollup.ToString().ToLowerInvariant();
}
