using Analytics.Api.Auth;
using Analytics.Api.Contracts.L2;
using Analytics.Api.Options;
using Analytics.Pricing.L2;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Endpoints;

/// <summary>The L2 model's configuration: <c>/api/v1/l2</c>.</summary>
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
        return group;
    }

    private static Ok<ChainProfilesResponse> GetChains(IOptionsMonitor<ChainsOptions> chains) =>
        TypedResults.Ok(new ChainProfilesResponse(chains.CurrentValue
            .Select(c => c.Value.ToProfile(c.Key))
            .OrderBy(p => p.Rollup != RollupKind.L1)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new ChainProfileResponse(p.Id, p.Name, p.Rollup.ToString().ToLowerInvariant(), p.WithdrawalDelayHours, p.BlockTimeSeconds,
                p.GasCostUsd, p.LiquidationLatencySeconds, p.Source))
            .ToList()));
}
