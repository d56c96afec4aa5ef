using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Contracts.L2;

/// <summary>One option priced on every configured chain.</summary>
public sealed record L2CompareResponse(
    [property: Description("One entry per configured chain, Ethereum L1 first.")] IReadOnlyList<L2ChainQuoteResponse> Results,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `volSource: surface`: the id of the surface the vol was read from. Absent otherwise.")] long? SurfaceId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `volSource: surface`: that surface's model. Absent otherwise.")] SurfaceModel? SurfaceModel = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `volSource: surface`: that surface's as-of, UTC. Absent otherwise.")] DateTimeOffset? SurfaceAsOf = null);
