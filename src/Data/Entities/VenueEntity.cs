namespace Analytics.Data.Entities;

/// <summary>A venue (exchange or protocol) quotes, trades and funding come from, e.g. <c>deribit</c>, <c>dydx</c>.</summary>
public sealed class VenueEntity
{
    public required string Id { get; set; }
    public DateTime FirstSeenUtc { get; set; }
}
