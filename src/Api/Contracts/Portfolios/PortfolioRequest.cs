using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Pricing;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Contracts.Portfolios;

/// <summary>A portfolio to create, or the next version of one (PUT replaces the whole definition).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PortfolioRequest(
    [property: Description("Display name, 1–200 characters. Required.")] string? Name,
    [property: Description("Collateral holdings, at most 100 (may be empty).")] IReadOnlyList<CollateralRequest?>? Collateral,
    [property: Description("Positions, at most 10,000 (may be empty), over at most 100 distinct underlyings.")] IReadOnlyList<PortfolioPositionRequest?>? Positions)
{
    /// <summary>The example shown in Swagger UI: a short ETH call spread on Arbitrum, a perp hedge and USDC + ETH collateral.</summary>
    public static PortfolioRequest Example { get; } = new("ETH call spread, hedged",
        [new CollateralRequest("USDC", 25_000), new CollateralRequest("ETH", 2)],
        [
            new PortfolioPositionRequest(PortfolioPositionKind.Option, "ETH", OptionRight.Call, OptionExerciseStyle.European, 3500, "2027-03-26", -10,
                "arbitrum-one", "derive", Premium: 120.5),
            new PortfolioPositionRequest(PortfolioPositionKind.Option, "ETH", OptionRight.Call, OptionExerciseStyle.European, 4000, "2027-03-26", 10,
                "arbitrum-one", "derive", Premium: 45.25),
            new PortfolioPositionRequest(PortfolioPositionKind.Perp, "ETH", null, null, null, null, 1.5, "arbitrum-one", "gmx",
                Market: "ETH-PERP", EntryPrice: 3100),
        ]);
}
