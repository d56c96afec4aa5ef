using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Endpoints.Surfaces;
using Analytics.Api.Errors;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Market;
using Analytics.Pricing.QuantLib;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>Checks an option request field by field and reports every problem at once.</summary>
/// <remarks>
/// The bounds (issue 14 item 1; README "Input bounds"): prices (spot, forward, strike) in [0, 1e12] USD, vol in [0, 100]
/// (10,000 %), tenor in [0, 1000] years, rate, dividend yield and carry in [−10, 10] per year, and |rate·T|, |q·T|,
/// |b·T|, |(b − r)·T| ≤ 500 so that every growth and discount factor e^{±500} and every price and Greek stays finite. Zero prices, vol
/// and tenor are well-defined options priced at their limit (<see cref="Analytics.Pricing.Limits.VanillaOptionLimits"/>);
/// implied vol and the L2 comparison need them &gt; 0. Subnormal numbers are refused by <see cref="FieldErrors.Range"/>.
/// </remarks>
internal static class OptionRequestValidator
{
    public const double MaxVol = 100;
    public const double MaxPriceUsd = 1e12;
    public const double MaxTenorYears = 1000;
    public const double MaxAbsRate = 10;

    /// <summary>The largest |x·T| of a rate, yield or carry x: e^{500} ≈ 1.4e217 leaves room for prices up to 1e12 and their Greeks.</summary>
    public const double MaxAbsRateTimesTenor = 500;

    /// <summary>A price request: the shared fields and a required vol; with <paramref name="limits"/> the inputs named there may be 0
    /// (see <see cref="Validate(IVanillaOptionFields, DateTimeOffset, FieldErrors, ZeroLimits)"/>).</summary>
    public static (ValidatedOption Option, double Vol)? Validate(OptionPriceRequest r, DateTimeOffset now, FieldErrors errors, ZeroLimits limits = ZeroLimits.None)
    {
        var zeroVol = limits.HasFlag(ZeroLimits.Vol);
        var vol = r.VolSource == VolSource.Surface ? SurfaceVolErrors(r, errors)
            : errors.Required("vol", r.Vol, 0, MaxVol,
                zeroVol ? "annualised decimal, 0.8 = 80 %; 0 prices the deterministic limit" : "annualised decimal, 0.8 = 80 %",
                minExclusive: !zeroVol);
        if (r.SurfaceId is not null && r.VolSource != VolSource.Surface)
            errors.Add("surfaceId", "only applies with volSource surface.");
        var option = Validate((IVanillaOptionFields)r, now, errors, limits);
        bool gridGiven = FdGridErrors(r, errors);
        if (option is null || vol is null || !errors.IsEmpty) return null;
        if (!gridGiven) return (option, vol.Value);

        // Tenor 0 is priced at its closed-form limit, where no grid is used (QuantLibFdGrid.For refuses it): what was given is
        // kept, the smallest grid stands in for the rest.
        var chosen = option.TenorYears > 0 ? QuantLibFdGrid.For(option.TenorYears)
            : new QuantLibFdGrid(QuantLibFdGrid.MinimumTimeSteps, QuantLibFdGrid.MinimumSpacePoints);
        return (option with { FdGrid = new QuantLibFdGrid(r.TimeSteps ?? chosen.TimeSteps, r.GridPoints ?? chosen.SpacePoints) }, vol.Value);
    }

    /// <summary><c>timeSteps</c> and <c>gridPoints</c>: only with <c>quantlib-fd</c>, in <see cref="QuantLibFdGrid"/>'s ranges; a
    /// missing one takes the engine's choice for the tenor. True when either is given.</summary>
    private static bool FdGridErrors(OptionPriceRequest r, FieldErrors errors)
    {
        if (r.TimeSteps is null && r.GridPoints is null) return false;
        if (r.Engine != PricingEngine.QuantLibFd)
        {
            errors.Add(r.TimeSteps is not null ? "timeSteps" : "gridPoints", "is a quantlib-fd setting: give it only with engine quantlib-fd.");
            return true;
        }

        if (r.TimeSteps is < QuantLibFdGrid.MinimumTimeSteps or > QuantLibFdGrid.MaximumTimeSteps)
            errors.Add("timeSteps", $"must be between {QuantLibFdGrid.MinimumTimeSteps} and {QuantLibFdGrid.MaximumTimeSteps}.");
        if (r.GridPoints is < QuantLibFdGrid.MinimumSpacePoints or > QuantLibFdGrid.MaximumSpacePoints)
            errors.Add("gridPoints", $"must be between {QuantLibFdGrid.MinimumSpacePoints} and {QuantLibFdGrid.MaximumSpacePoints}.");
        return true;
    }

    /// <summary>
    /// <c>volSource: surface</c> reaching validation: the surface vol was not resolved (on POST /options/price it is, before
    /// validation, when strike, tenor and underlying are valid), so say why. Always null.
    /// </summary>
    private static double? SurfaceVolErrors(OptionPriceRequest r, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(r.Underlying) && r.SurfaceId is null)
            errors.Add("underlying", "is required with volSource surface, e.g. ETH (or name the surface with surfaceId).");
        else if (r.Underlying is not null) SurfaceFitValidator.Underlying(r.Underlying, errors);
        if (r.Vol is not null) errors.Add("vol", "give either vol or volSource surface, not both.");
        else errors.Add("vol", "could not be read from a surface: volSource surface needs a valid strike, tenor and underlying (or surfaceId).");
        return null;
    }

    /// <summary>The fields every vanilla-option request shares; null when any is invalid (see <paramref name="errors"/>).</summary>
    /// <param name="r">The request.</param>
    /// <param name="now">The valuation time when the request gives none.</param>
    /// <param name="errors">Collects the field errors.</param>
    /// <param name="limits">Which of spot (or forward), strike and tenor may be 0, priced at their limit (all on price and batch,
    /// tenor and strike with <c>l2</c>); the others must be &gt; 0 (all on implied vol and the L2 comparison).</param>
    public static ValidatedOption? Validate(IVanillaOptionFields r, DateTimeOffset now, FieldErrors errors, ZeroLimits limits = ZeroLimits.None)
    {
        if (r.Type is null) errors.Add("type", "is required: call or put.");

        var underlyingExclusive = !limits.HasFlag(ZeroLimits.Underlying);
        var spot = errors.Range("spot", r.Spot, 0, MaxPriceUsd, "USD", minExclusive: underlyingExclusive);
        var forward = errors.Range("forward", r.Forward, 0, MaxPriceUsd, "USD", minExclusive: underlyingExclusive);
        if (r.Spot is not null && r.Forward is not null) errors.Add("forward", "give either spot or forward, not both.");
        if (r.Spot is null && r.Forward is null) errors.Add("spot", "is required (or give forward instead).");

        var strike = errors.Required("strike", r.Strike, 0, MaxPriceUsd, "USD", minExclusive: !limits.HasFlag(ZeroLimits.Strike));
        var rate = errors.Required("rate", r.Rate, -MaxAbsRate, MaxAbsRate, "annualised, continuously compounded decimal");
        var dividendYield = errors.Range("dividendYield", r.DividendYield, -MaxAbsRate, MaxAbsRate, "annualised, continuously compounded decimal");
        var carryRate = errors.Range("carryRate", r.CarryRate, -MaxAbsRate, MaxAbsRate, "annualised decimal");
        if (r.Forward is not null)
        {
            if (r.CarryRate is { } b && b != 0) errors.Add("carryRate", "has no meaning with forward: Black-76 prices the forward itself, without carry.");
            if (r.DividendYield is { } q && q != 0) errors.Add("dividendYield", "has no meaning with forward: Black-76 prices the forward itself, without carry.");
        }

        var tenorYears = ResolveTenor(r, now, errors, limits.HasFlag(ZeroLimits.Tenor));
        if (tenorYears is { } t)
        {
            RateTimesTenor("rate", rate, t, errors);
            RateTimesTenor("dividendYield", dividendYield, t, errors);
            RateTimesTenor("carryRate", carryRate, t, errors);
            if (carryRate is null && rate is { } rr && dividendYield is { } qq && Math.Abs(rr - qq) * t > MaxAbsRateTimesTenor)
                errors.Add("dividendYield", $"(rate − dividendYield)·tenorYears must be within ±{MaxAbsRateTimesTenor}; got {(rr - qq) * t:G6}.");
            // With carryRate the call's value S·e^{(b−r)T} grows with b − r, which the separate bounds leave up to ±1000·T.
            if (carryRate is { } bb && rate is { } r2 && Math.Abs(bb - r2) * t > MaxAbsRateTimesTenor)
                errors.Add("carryRate", $"(carryRate − rate)·tenorYears must be within ±{MaxAbsRateTimesTenor} (the discounted forward grows as e^((b − r)·T)); got {(bb - r2) * t:G6}.");
        }
        var style = r.Style ?? OptionExerciseStyle.European;
        var engine = ResolveEngine(style, r.Engine, errors);

        if (!errors.IsEmpty) return null;

        var isForward = forward is not null;
        var carry = isForward ? 0.0 : carryRate ?? rate!.Value - (dividendYield ?? 0.0);
        return new ValidatedOption(
            r.Type!.Value, style, (isForward ? forward : spot)!.Value, isForward, strike!.Value, tenorYears!.Value,
            rate!.Value, carry, CarryTiedToRate: !isForward && carryRate is null, engine!.Value, r.ValuationTime ?? now);
    }

    /// <summary>The requested engine, or the style's default (<see cref="EngineRegistry"/>); null with an error when it cannot price the style.</summary>
    private static PricingEngine? ResolveEngine(OptionExerciseStyle style, PricingEngine? requested, FieldErrors errors)
    {
        if (EngineRegistry.Resolve(style, requested) is { } engine) return engine;
        var styleName = style.ToString().ToLowerInvariant();
        var available = string.Join(", ", EngineRegistry.EnginesFor(style).Select(EngineRegistry.Id));
        errors.Add("engine", $"'{EngineRegistry.Id(requested!.Value)}' does not price {styleName} exercise; engines for {styleName} exercise: {available}.");
        return null;
    }

    /// <summary>|x·T| ≤ <see cref="MaxAbsRateTimesTenor"/> for a rate, yield or carry x.</summary>
    private static void RateTimesTenor(string field, double? value, double tenorYears, FieldErrors errors)
    {
        if (value is { } x && Math.Abs(x) * tenorYears > MaxAbsRateTimesTenor)
            errors.Add(field, $"{field}·tenorYears must be within ±{MaxAbsRateTimesTenor} (a growth or discount factor beyond e^{MaxAbsRateTimesTenor} is not priced); got {x * tenorYears:G6}.");
    }

    private static double? ResolveTenor(IVanillaOptionFields r, DateTimeOffset now, FieldErrors errors, bool zeroTenor)
    {
        if (r.TenorYears is not null && r.Expiry is not null)
        {
            errors.Add("expiry", "give either tenorYears or expiry, not both.");
            return null;
        }
        if (r.ValuationTime is not null && r.Expiry is null)
            errors.Add("valuationTime", "only applies together with expiry.");
        if (r.Expiry is { } expiry)
        {
            var valuation = r.ValuationTime ?? now;
            var years = YearFraction.Act365F(valuation, expiry);
            var expired = zeroTenor ? years < 0 : years <= 0;
            if (expired)
                errors.Add("expiry", $"{expiry.UtcDateTime:O} is {(years == 0 ? "not after" : "before")} the valuation time {valuation.UtcDateTime:O}: the option has expired.");
            else if (years > MaxTenorYears)
                errors.Add("expiry", $"is {years:F1} years after the valuation time; at most {MaxTenorYears} years are priced.");
            return !expired && years <= MaxTenorYears ? years : null;
        }
        if (r.TenorYears is null)
        {
            errors.Add("tenorYears", "is required (or give expiry instead).");
            return null;
        }
        return errors.Range("tenorYears", r.TenorYears, 0, MaxTenorYears, zeroTenor ? "years, Act/365F; 0 is the expiry instant" : "years, Act/365F", minExclusive: !zeroTenor);
    }
}
