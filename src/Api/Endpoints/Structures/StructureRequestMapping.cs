using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Contracts.Structures;
using Analytics.Api.Endpoints.Pricing;
using Analytics.Api.Endpoints.Surfaces;
using Analytics.Api.Errors;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;
using Analytics.Pricing.Structures;
using Analytics.Pricing.Surfaces;
using Analytics.Pricing;
using System.Collections.Immutable;

namespace Analytics.Api.Endpoints.Structures;

/// <summary>Request → structure definition and market, and result → response. Validation errors keep the API's field names.</summary>
internal static class StructureRequestMapping
{
    /// <summary>
    /// The structure of the request, its legs' tenors from <c>tenorYears</c> or expiries (Act/365F from
    /// <paramref name="valuationTime"/>), with the expiry of each leg that was given one; null when invalid (see
    /// <paramref name="errors"/>, which name the request's fields).
    /// </summary>
    public static MappedStructure? Definition(StructurePriceRequest r, DateTimeOffset valuationTime, FieldErrors errors)
    {
        var quantity = r.Quantity ?? 1.0;
        var style = r.Style ?? OptionExerciseStyle.European;
        if (!Bounded(r, errors)) return null;
        if (r.Template is not null == r.Legs is not null)
        {
            errors.Add("template", "give either template or legs.");
            return null;
        }
        return r.Template is not null
            ? FromTemplate(r, valuationTime, quantity, style, errors)
            : FromLegs(r, valuationTime, quantity, errors);
    }

    private static MappedStructure? FromTemplate(StructurePriceRequest r, DateTimeOffset valuationTime, double quantity, OptionExerciseStyle style, FieldErrors errors)
    {
        if (!StructureTemplates.TryParse(r.Template, out var template))
        {
            errors.Add("template", $"'{r.Template}' is not a template; templates: {string.Join(", ", StructureTemplates.AllIds)}.");
            return null;
        }
        const bool limits = true; // tenor 0 is the expiry instant, with the L2 model too
        var near = StructureTenors.Resolve("tenorYears", "expiry", r.TenorYears, r.Expiry, valuationTime, errors, limits);
        if (r.TenorYears is null && r.Expiry is null) errors.Add("tenorYears", "is required for a template (years, Act/365F), or give expiry.");
        double? far = null;
        if (template.NeedsFarTenor())
        {
            far = StructureTenors.Resolve("farTenorYears", "farExpiry", r.FarTenorYears, r.FarExpiry, valuationTime, errors, limits);
            if (r.FarTenorYears is null && r.FarExpiry is null)
                errors.Add("farTenorYears", $"is required by the {template.ToId()} template (years, beyond the near tenor), or give farExpiry.");
            else if (near is { } n && far is { } f && !(f > n))
                errors.Add(r.FarExpiry is not null ? "farExpiry" : "farTenorYears",
                    $"must be after the near expiry: the far tenor is {f:G6} years, the near one {n:G6} years from the valuation time.");
        }
        else
        {
            if (r.FarTenorYears is not null) errors.Add("farTenorYears", "only applies to the calendar and diagonal templates.");
            if (r.FarExpiry is not null) errors.Add("farExpiry", "only applies to the calendar and diagonal templates.");
        }
        if (r.Vol is null && r.VolSource != VolSource.Surface) errors.Add("vol", "is required for a template (annualised decimal), or give volSource surface.");
        if (!errors.IsEmpty) return null;

        var result = StructureBuilder.FromTemplate(template, r.Strikes, near!.Value, quantity, r.Type, far, style);
        foreach (var error in result.Errors)
            errors.Add(error.Field switch
            {
                "tenorYears" when r.Expiry is not null => "expiry",
                "farTenorYears" when r.FarExpiry is not null => "farExpiry",
                var field => field,
            }, error.Message);
        if (result.Definition is not { } definition) return null;
        var expiries = definition.Legs.Select(l => far is { } farYears && l.TenorYears == farYears ? r.FarExpiry : r.Expiry).ToImmutableArray();
        return new MappedStructure(definition, expiries);
    }

    private static MappedStructure? FromLegs(StructurePriceRequest r, DateTimeOffset valuationTime, double quantity, FieldErrors errors)
    {
        foreach (var (field, given) in new[] { ("tenorYears", r.TenorYears is not null), ("expiry", r.Expiry is not null), ("farTenorYears", r.FarTenorYears is not null), ("farExpiry", r.FarExpiry is not null) })
            if (given) errors.Add(field, "applies to templates only: custom legs carry their own tenorYears or expiry.");
        var legs = new List<StructureLeg?>(r.Legs!.Count);
        for (var i = 0; i < r.Legs!.Count; i++)
        {
            if (r.Legs[i] is not { } l)
            {
                legs.Add(null);
                continue;
            }
            var tenor = StructureTenors.Resolve($"legs[{i}].tenorYears", $"legs[{i}].expiry", l.TenorYears, l.Expiry, valuationTime, errors, allowExpiryInstant: true);
            if (l.TenorYears is null && l.Expiry is null) errors.Add($"legs[{i}].tenorYears", "is required (years, Act/365F), or give the leg's expiry.");
            if (l.Vol is null && r.Vol is null && r.VolSource != VolSource.Surface)
                errors.Add($"legs[{i}].vol", "is required (or give the structure's vol, or volSource surface).");
            if (l.Vol is not null && r.VolSource == VolSource.Surface)
                errors.Add($"legs[{i}].vol", "give no leg vol with volSource surface: every leg's vol is read from the surface.");
            if (l.Type is null) errors.Add($"legs[{i}].type", "is required: call or put.");
            legs.Add(new StructureLeg(
                l.Type ?? (OptionRight)(-1), l.Strike ?? double.NaN, tenor ?? double.NaN, l.Quantity ?? double.NaN,
                l.Vol ?? r.Vol, l.Style ?? OptionExerciseStyle.European));
        }
        if (!errors.IsEmpty) return null;

        var result = StructureBuilder.FromLegs(legs, quantity);
        foreach (var error in result.Errors) errors.Add(error.Field, error.Message);
        return result.Definition is { } definition
            ? new MappedStructure(definition, r.Legs.Select(l => l!.Expiry).ToImmutableArray())
            : null;
    }

    /// <summary>
    /// Every number of the request within the shared input bounds of the single-option endpoints
    /// (<see cref="OptionRequestValidator"/>: prices ≤ 1e12 USD, tenors ≤ 1000 years, vols ≤ 100; finite, not subnormal).
    /// Without an <c>l2</c> block a tenor or vol of 0 is a limit priced exactly; the L2 model needs them &gt; 0, as on
    /// POST /options/price.
    /// </summary>
    private static bool Bounded(StructurePriceRequest r, FieldErrors errors)
    {
        var before = errors.ToDictionary().Count;
        // Zero strike, tenor and vol are limits every leg prices exactly (issue 14 item 1), with the L2 model too.
        const string tenorUnit = "years; 0 is the expiry instant", volUnit = "annualised decimal; 0 prices the deterministic limit";
        for (var i = 0; i < (r.Strikes?.Count ?? 0); i++) errors.Range($"strikes[{i}]", r.Strikes![i], 0, MaxPriceUsd, "USD");
        errors.Range("tenorYears", r.TenorYears, 0, MaxTenorYears, tenorUnit);
        errors.Range("farTenorYears", r.FarTenorYears, 0, MaxTenorYears, tenorUnit);
        errors.Range("quantity", r.Quantity, -MaxQuantity, MaxQuantity, "units");
        for (var i = 0; i < (r.Legs?.Count ?? 0); i++)
        {
            if (r.Legs![i] is not { } leg) continue;
            errors.Range($"legs[{i}].strike", leg.Strike, 0, MaxPriceUsd, "USD; 0 is priced at its limit");
            errors.Range($"legs[{i}].tenorYears", leg.TenorYears, 0, MaxTenorYears, tenorUnit);
            errors.Range($"legs[{i}].quantity", leg.Quantity, -MaxQuantity, MaxQuantity, "units");
            errors.Range($"legs[{i}].vol", leg.Vol, 0, OptionRequestValidator.MaxVol, volUnit);
        }

        return errors.ToDictionary().Count == before;
    }

    private const double MaxPriceUsd = OptionRequestValidator.MaxPriceUsd, MaxTenorYears = OptionRequestValidator.MaxTenorYears, MaxQuantity = 1e12;

    /// <summary>
    /// <c>volSource: surface</c>: the structure with every leg's vol read from <paramref name="surface"/> at the leg's strike and
    /// tenor (k = ln(K/F(T)) with the surface's forward); the template's name is kept.
    /// </summary>
    public static StructureDefinition WithSurfaceVols(StructureDefinition definition, VolatilitySurface surface)
    {
        var legs = definition.Legs.Select(l => (StructureLeg?)(l with { Volatility = surface.LognormalVolAtStrike(l.Strike, l.TenorYears) })).ToList();
        return StructureBuilder.FromLegs(legs, definition.Quantity).Definition
               ?? throw new InvalidOperationException("Legs that were valid became invalid with surface vols.");
    }

    /// <summary>The surface fields' validation: <c>underlying</c>, <c>vol</c>, <c>surfaceId</c>.</summary>
    public static void SurfaceFields(StructurePriceRequest r, FieldErrors errors)
    {
        if (r.VolSource != VolSource.Surface)
        {
            if (r.SurfaceId is not null) errors.Add("surfaceId", "only applies with volSource surface.");
            if (r.Underlying is not null) errors.Add("underlying", "only applies with volSource surface.");
            return;
        }
        if (r.Vol is not null) errors.Add("vol", "give either vol or volSource surface, not both.");
        if (r.Underlying is null && r.SurfaceId is null)
            errors.Add("underlying", "is required with volSource surface, e.g. ETH (or name the surface with surfaceId).");
        else if (r.Underlying is not null) SurfaceFitValidator.Underlying(r.Underlying, errors);
    }

    /// <summary><c>valuationTime</c> only with something that runs from it: an expiry (template, far or a leg's) or <c>volSource: surface</c>.</summary>
    public static void ValuationTimeField(StructurePriceRequest r, FieldErrors errors)
    {
        var anyExpiry = r.Expiry is not null || r.FarExpiry is not null || (r.Legs?.Any(l => l?.Expiry is not null) ?? false);
        if (r.ValuationTime is not null && !anyExpiry && r.VolSource != VolSource.Surface)
            errors.Add("valuationTime", "only applies with an expiry (expiry, farExpiry or a leg's expiry) or volSource surface: tenors in years need none.");
    }

    /// <summary>
    /// The response in <paramref name="currency"/>: with <see cref="PremiumCurrency.Underlying"/> every premium figure is
    /// divided by the spot and the Greeks are those of that quotient (<see cref="InversePremium"/>, as POST /options/price
    /// does); the payoff, its extremes, the break-evens and gas stay in USD.
    /// </summary>
    public static StructurePriceResponse ToResponse(
        StructureResult r, CarrySource? carrySource, MappedStructure mapped, PremiumCurrency currency, double spot,
        Analytics.Api.Contracts.L2.GasSource gas = Analytics.Api.Contracts.L2.GasSource.Configured)
    {
        var inUnderlying = currency == PremiumCurrency.Underlying;
        double Money(double usd) => inUnderlying ? InversePremium.Value(usd, spot) : usd;
        GreeksResponse Greeks(double usdValue, Greeks usd) => GreeksResponse.From(inUnderlying ? InversePremium.Of(usdValue, usd, spot) : usd);
        return new StructurePriceResponse(
            r.Name, r.Quantity, Money(r.Premium), Greeks(r.Premium, r.Greeks),
            r.Legs.Select((l, i) => new StructureLegResponse(l.Leg.Right, l.Leg.Strike,
                l.Leg.TenorYears, l.PositionQuantity, l.EngineId, l.Volatility, Money(l.Price), Money(l.PositionValue),
                Greeks(l.Price, l.Greeks), mapped.LegExpiries[i]?.ToUniversalTime(), l.Limit)).ToList(),
            r.FirstExpiryYears,
            r.Payoff.Select(p => new PayoffPointResponse(p.Spot, p.Pnl)).ToList(),
            r.MaxProfit, r.MaxLoss, r.Breakevens.ToList(),
            new StructureGasResponse(r.Gas.SingleTxUsd, r.Gas.PerLegTxUsd, r.Gas.SavedUsd),
            r.L2 is { } q
                ? new StructureL2Response(q.ChainId, Money(q.Bid), Money(q.Ask), Money(q.Spread), q.NetGamma, q.AskAtWriterVol, q.BidFloorHit,
                    Crossed: false, q.GasUsd, q.SettlementDelayYears, q.CarryRate, carrySource ?? CarrySource.Rates,
                    Money(q.Mid), Money(q.AskHedgingCostUsd), Money(q.BidHedgingCostUsd), gas)
                : null,
            PremiumCurrency: inUnderlying ? PremiumCurrency.Underlying : null);
    }
}
