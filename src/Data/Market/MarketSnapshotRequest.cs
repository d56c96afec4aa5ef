using Analytics.Pricing.Surfaces;

namespace Analytics.Data.Market;

/// <summary>What a <see cref="MarketSnapshot"/> should hold.</summary>
/// <param name="AsOfUtc">The instant: nothing observed or fitted after it is used.</param>
/// <param name="Underlyings">Underlyings whose price and surface are wanted (upper case).</param>
/// <param name="Funding">Funding series whose carry is wanted.</param>
/// <param name="SurfaceModel">The surface model to price with (the API's <c>Surfaces:DefaultModel</c>); only published surfaces of it are used.</param>
public sealed record MarketSnapshotRequest(
    DateTimeOffset AsOfUtc, IReadOnlyList<string> Underlyings, IReadOnlyList<FundingWindow> Funding, SurfaceModel SurfaceModel = SurfaceModel.Svi);
