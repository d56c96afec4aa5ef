using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>Which rule gave a surface vol, in tenor and in strike.</summary>
public sealed record SurfaceExtrapolationResponse(
    [property: Description("`on-slice` (a fitted expiry), `between-slices` (total variance linear in T at fixed k), `before-first-slice` or `after-last-slice` (that slice's vol at fixed k held constant).")] string Tenor,
    [property: Description("`within-quoted-range`, `below-quoted-range` or `above-quoted-range`: k against the lowest and highest log-moneyness quoted on both sides (bid and ask) at this tenor; outside it the SVI wing extrapolates.")] string Strike,
    [property: Description("Lowest k quoted on both sides at this tenor (interpolated linearly in T between slices; the nearest slice's beyond them); null when none is.")] double? QuotedLogMoneynessFrom,
    [property: Description("Highest k quoted on both sides at this tenor; null when none is.")] double? QuotedLogMoneynessTo,
    [property: Description("True only when the vol was read on or between slices and within the quoted range.")] bool Interpolated);
