using System.ComponentModel;
using Analytics.Pricing;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>A stored volatility surface (API.md, Surfaces).</summary>
public sealed record SurfaceResponse(
    [property: Description("Surface id: one stored fit, never changed.")] long Id,
    [property: Description("Underlying symbol.")] string Underlying,
    [property: Description("Valuation instant, UTC; tenors run from it (Act/365F).")] DateTimeOffset AsOf,
    [property: Description("`svi` or `ssvi`.")] SurfaceModelKind Model,
    [property: Description("When the fit was stored, UTC.")] DateTimeOffset CreatedAt,
    [property: Description("Fitted expiry slices, by ascending expiry.")] IReadOnlyList<SurfaceSliceResponse> Slices,
    [property: Description("Butterfly (Durrleman g(k) ≥ 0, Lee wing bound) and calendar (total variance non-decreasing in tenor at fixed k) diagnostics.")] ArbitrageResponse Arbitrage,
    [property: Description("What went in: where the quotes came from, how many, how many were used, and dropped quotes by reason.")] SurfaceInputsResponse Inputs,
    [property: Description("Median over the slices of the RMSE of model vol − market mid vol, vol points (1 vol point = 0.01).")] double? MedianRmseVolPoints,
    [property: Description("SSVI surface parameters (ρ, η, γ) when `model` is `ssvi`.")] SsviParamsResponse? Ssvi,
    [property: Description("Wall time of the calibration (quote preparation, fits, diagnostics), milliseconds.")] double ElapsedMs);

/// <summary>One fitted expiry.</summary>
public sealed record SurfaceSliceResponse(
    [property: Description("Expiry instant, UTC.")] DateTimeOffset Expiry,
    [property: Description("Tenor T, years (Act/365F from `asOf`).")] double TenorYears,
    [property: Description("Slice forward F_T, USD.")] double Forward,
    [property: Description("Where the forward came from: `venue`, `put-call-parity` or `carry-model`.")] string ForwardSource,
    [property: Description("Discount factor exp(−r·T) used to imply the vols.")] double DiscountFactor,
    [property: Description("Raw SVI parameters of total implied variance w(k) = a + b(ρ(k − m) + √((k − m)² + σ²)), k = ln(K/F_T).")] SviParamsResponse Params,
    [property: Description("RMSE of model vol − mid vol over `points`, vol points.")] double? RmseVolPoints,
    [property: Description("RMSE of model vol − venue mark vol over the points that carry one, vol points; null when none does.")] double? VenueRmseVolPoints,
    [property: Description("Whether the raw SVI fit needed the butterfly repair.")] bool ButterflyRepaired,
    [property: Description("Market points with their fit errors, by ascending log-moneyness.")] IReadOnlyList<SurfacePointResponse> Points);

/// <summary>Raw SVI parameters of one slice (Gatheral 2004).</summary>
public sealed record SviParamsResponse(
    [property: Description("Level a, total variance (dimensionless).")] double A,
    [property: Description("Wing slope scale b ≥ 0, total variance per unit of log-moneyness.")] double B,
    [property: Description("Skew ρ, −1 < ρ < 1.")] double Rho,
    [property: Description("Shift m, log-moneyness.")] double M,
    [property: Description("ATM curvature σ > 0, log-moneyness.")] double Sigma);

/// <summary>SSVI parameters (Gatheral and Jacquier 2014, power-law φ(θ) = η θ^−γ).</summary>
public sealed record SsviParamsResponse(
    [property: Description("Correlation ρ.")] double Rho,
    [property: Description("η > 0.")] double Eta,
    [property: Description("γ in (0, 1].")] double Gamma);

/// <summary>One market quote used by the fit, with the model's vol there.</summary>
public sealed record SurfacePointResponse(
    [property: Description("Strike, USD.")] double Strike,
    [property: Description("The right whose prices gave the vols.")] OptionRight Type,
    [property: Description("k = ln(K/F).")] double LogMoneyness,
    [property: Description("Implied vol of the bid, annualised decimal.")] double BidVol,
    [property: Description("Implied vol of the ask, annualised decimal.")] double AskVol,
    [property: Description("Implied vol of the mid, annualised decimal: the fitted target.")] double MidVol,
    [property: Description("Fitted vol at `logMoneyness`, annualised decimal.")] double ModelVol,
    [property: Description("Fit error 100·(modelVol − midVol), vol points.")] double ErrorVolPoints,
    [property: Description("Venue mark vol, annualised decimal; null when not quoted.")] double? VenueMarkVol,
    [property: Description("Id of the indexed quote (GET /api/v1/quotes) when the fit used the index; null for posted quotes.")] long? QuoteId);

/// <summary>The inputs of a fit.</summary>
public sealed record SurfaceInputsResponse(
    [property: Description("`request` (quotes posted with the fit) or `index` (indexed quote snapshots).")] string Source,
    [property: Description("Index only: the newest snapshot instant used, UTC.")] DateTimeOffset? SnapshotAt,
    [property: Description("Quotes received.")] int QuotesIn,
    [property: Description("Quotes kept as smile points.")] int QuotesUsed,
    [property: Description("Dropped quotes per reason (kebab-case reason ids such as `spread-too-wide`, `in-the-money-duplicate`).")] IReadOnlyDictionary<string, int> DroppedByReason);
