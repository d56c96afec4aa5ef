using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>One underlying's move in a scenario.</summary>
public sealed record StressMoveResponse(
    [property: Description("Relative spot move (−0.3 = down 30 %).")] double Spot,
    [property: Description("Absolute vol shift of every option on it (when `volBuckets` is null).")] double Vol,
    [property: Description("Where the spot move comes from: the indexed closes (with their source), the catalogue's reference, or the request.")] string Source,
    [property: Description("Vol shifts by log-moneyness bucket k = ln(K/F) at the moved spot, ascending; the last bucket has no bound (null). Null for a flat `vol`.")] IReadOnlyList<VolBucketResponse>? VolBuckets = null);
