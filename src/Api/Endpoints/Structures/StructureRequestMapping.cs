using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Contracts.Structures;
using Analytics.Api.Endpoints.Surfaces;
using Analytics.Api.Errors;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;
using Analytics.Pricing.Structures;
using Analytics.Pricing.Surfaces;
using Analytics.Pricing;

namespace Analytics.Api.Endpoints.Structures;

/// <summary>Request → structure definition and market, and result → response. Validation errors keep the API's field names.</summary>
internal static class StructureRequestMapping
{
    public static StructureDefinition? Definition(StructurePriceRequest r, FieldErrors errors)
    {
        var quantity = r.Quantity ?? 1.0;
        var style = r.Style ?? OptionExerciseStyle.European;
        if (!Bounded(r, errors)) return null;
        StructureDefinitionResult result;
        if (r.Template is not null == r.Legs is not null)
        {
            errors.Add("template", "give either template or legs.");
            return null;
        }
        if (r.Template is not null)
        {
            if (!StructureTemplates.TryParse(r.Template, out var template))
            {
                errors.Add("template", $"'{r.Template}' is not a template; templates: {string.Join(", ", StructureTemplates.AllIds)}.");
                return null;
            }
            if (r.TenorYears is null) errors.Add("tenorYears", "is required for a template (years, Act/365F).");
            if (r.Vol is null && r.VolSource != VolSource.Surface) errors.Add("vol", "is required for a template (annualised decimal), or give volSource surface.");
            if (!errors.IsEmpty) return null;
            result = StructureBuilder.FromTemplate(template, r.Strikes, r.TenorYears!.Value, quantity, r.Type, r.FarTenorYears, style);
        }
        else
        {
            var legs = r.Legs!.Select(l => l is null ? null : new StructureLeg(
                l.Type ?? (OptionRight)(-1), l.Strike ?? double.NaN, l.TenorYears ?? double.NaN, l.Quantity ?? double.NaN,
                l.Vol ?? r.Vol, l.Style ?? OptionExerciseStyle.European)).ToList();
            for (var i = 0; i < r.Legs!.Count; i++)
            {
                if (r.Legs[i] is { } leg && leg.Vol is null && r.Vol is null && r.VolSource != VolSource.Surface)
                    errors.Add($"legs[{i}].vol", "is required (or give the structure's vol, or volSource surface).");
                if (r.Legs[i] is { Vol: not null } && r.VolSource == VolSource.Surface)
                    errors.Add($"legs[{i}].vol", "give no leg vol with volSource surface: every leg's vol is read from the surface.");
                if (r.Legs[i] is { Type: null }) errors.Add($"legs[{i}].type", "is required: call or put.");
            }
            if (!errors.IsEmpty) return null;
            result = StructureBuilder.FromLegs(legs, quantity);
        }
        foreach (var error in result.Errors) errors.Add(error.Field, error.Message);
        return result.Definition;
    }

    /// <summary>Every number of the request within the bounds the single-option endpoints use (finite, not subnormal, not astronomically large).</summary>
    private static bool Bounded(StructurePriceRequest r, FieldErrors errors)
    {
        var before = errors.ToDictionary().Count;
        for (var i = 0; i < (r.Strikes?.Count ?? 0); i++) errors.Range($"strikes[{i}]", r.Strikes![i], 0, MaxPriceUsd, "USD", minExclusive: true);
        errors.Range("tenorYears", r.TenorYears, 0, MaxTenorYears, "years", minExclusive: true);
        errors.Range("farTenorYears", r.FarTenorYears, 0, MaxTenorYears, "years", minExclusive: true);
        errors.Range("quantity", r.Quantity, -MaxQuantity, MaxQuantity, "units");
        for (var i = 0; i < (r.Legs?.Count ?? 0); i++)
        {
            if (r.Legs![i] is not { } leg) continue;
            errors.Range($"legs[{i}].strike", leg.Strike, 0, MaxPriceUsd, "USD", minExclusive: true);
            errors.Range($"legs[{i}].tenorYears", leg.TenorYears, 0, MaxTenorYears, "years", minExclusive: true);
            errors.Range($"legs[{i}].quantity", leg.Quantity, -MaxQuantity, MaxQuantity, "units");
            errors.Range($"legs[{i}].vol", leg.Vol, 0, 10, "annualised decimal", minExclusive: true);
        }

        return errors.ToDictionary().Count == before;
    }

    private const double MaxPriceUsd = 1e12, MaxTenorYears = 100, MaxQuantity = 1e12;

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

    /// <summary>The surface fields' validation: <c>underlying</c>, <c>vol</c>, <c>surfaceId</c>, <c>valuationTime</c>.</summary>
    public static void SurfaceFields(StructurePriceRequest r, FieldErrors errors)
    {
        if (r.VolSource != VolSource.Surface)
        {
            if (r.SurfaceId is not null) errors.Add("surfaceId", "only applies with volSource surface.");
            if (r.ValuationTime is not null) errors.Add("valuationTime", "only applies with volSource surface (tenors are given in years).");
            if (r.Underlying is not null) errors.Add("underlying", "only applies with volSource surface.");
            return;
        }
        if (r.Vol is not null) errors.Add("vol", "give either vol or volSource surface, not both.");
        if (r.Underlying is null && r.SurfaceId is null)
            errors.Add("underlying", "is required with volSource surface, e.g. ETH (or name the surface with surfaceId).");
        else if (r.Underlying is not null) SurfaceFitValidator.Underlying(r.Underlying, errors);
    }

    public static StructurePriceResponse ToResponse(StructureResult r, CarrySource? carrySource) => new(
        r.Name, r.Quantity, r.Premium, GreeksResponse.From(r.Greeks),
        r.Legs.Select(l => new StructureLegResponse(l.Leg.Right, l.Leg.Strike,
            l.Leg.TenorYears, l.PositionQuantity, l.EngineId, l.Volatility, l.Price, l.PositionValue, GreeksResponse.From(l.Greeks))).ToList(),
        r.FirstExpiryYears,
        r.Payoff.Select(p => new PayoffPointResponse(p.Spot, p.Pnl)).ToList(),
        r.MaxProfit, r.MaxLoss, r.Breakevens.ToList(),
        new StructureGasResponse(r.Gas.SingleTxUsd, r.Gas.PerLegTxUsd, r.Gas.SavedUsd),
        r.L2 is { } q
            ? new StructureL2Response(q.ChainId, q.Bid, q.Ask, q.Spread, q.NetGamma, q.AskAtWriterVol, q.BidFloorHit, q.IsCrossed, q.GasUsd,
                q.SettlementDelayYears, q.CarryRate, carrySource ?? CarrySource.Rates)
            : null);
}
