using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Endpoints.Pricing;
using Analytics.Api.Errors;
using Analytics.Pricing.Market;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>
/// <c>volSource: surface</c> (API.md, Pricing) for one request: the vol of the surface <see cref="PricingSurfaceSelector"/>
/// picks at the request's valuation time (<c>valuationTime</c>, default now) at the request's strike and tenor
/// (k = ln(K/F(T)) with the surface's forward). A request that does not ask for it, or whose strike, tenor, underlying or
/// surface id is unusable, comes back unchanged, so that validation names the fields.
/// </summary>
internal static class SurfaceVolResolver
{
    public static async Task<SurfaceVolResolution> ResolveAsync(OptionPriceRequest request, DateTimeOffset now, PricingSurfaceSelector selector)
    {
        var unchanged = new SurfaceVolResolution(request, null, null);
        if (request is not { VolSource: VolSource.Surface, Vol: null }) return unchanged;
        var underlying = request.Underlying is null ? null : SurfaceFitValidator.Underlying(request.Underlying, new FieldErrors());
        var tenor = TenorYears(request, now);
        if ((underlying is null && (request.Underlying is not null || request.SurfaceId is null))
            || tenor is null || request.Strike is not { } strike || !double.IsFinite(strike) || strike <= 0)
            return unchanged;

        var pick = await selector.PickAsync(underlying, request.SurfaceId, request.ValuationTime ?? now);
        if (pick.Surface is not { } stored) return unchanged with { Problem = pick };
        var vol = stored.Surface.LognormalVolAtStrike(strike, tenor.Value);
        return new SurfaceVolResolution(request with { Vol = vol, VolSource = VolSource.Given, SurfaceId = null }, stored, null);
    }

    private static double? TenorYears(OptionPriceRequest r, DateTimeOffset now)
    {
        var years = r.Expiry is { } expiry ? YearFraction.Act365F(r.ValuationTime ?? now, expiry) : r.TenorYears;
        return years is { } t && double.IsFinite(t) && t > 0 && t <= OptionRequestValidator.MaxTenorYears ? t : null;
    }
}
