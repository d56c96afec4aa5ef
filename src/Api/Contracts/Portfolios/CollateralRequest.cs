using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Analytics.Api.Contracts.Portfolios;

/// <summary>An amount of one collateral asset.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CollateralRequest(
    [property: Description("Asset symbol, any case (stored upper case): `USD`, `USDC`, `USDT` (valued at 1 USD) or an underlying with indexed prices such as `BTC` or `ETH` (valued at its indexed price); others are a 422. Required.")] string? Asset,
    [property: Description("Units of the asset, ≥ 0 and finite. Required.")] double? Amount);
