using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Contracts.Structures;
using Analytics.Api.Errors;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;
using Analytics.Pricing.Structures;
using Analytics.Pricing;

namespace Analytics.Api.Endpoints.Structures;

/// <summary>Request → structure definition and market, and result → response. Validation errors keep the API's field names.</summary>
internal static class StructureRequestMapping
{
    public static StructureDefinition? Definition(StructurePriceRequest r, FieldErrors errors)
    {
        var quantity = r.Quantity ?? 1.0;
        var style = r.Style ?? OptionExerciseStyle.European;
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
            if (r.Vol is null) errors.Add("vol", "is required for a template (annualised decimal).");
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
                if (r.Legs[i] is { } leg && leg.Vol is null && r.Vol is null) errors.Add($"legs[{i}].vol", "is required (or give the structure's vol).");
                if (r.Legs[i] is { Type: null }) errors.Add($"legs[{i}].type", "is required: call or put.");
            }
            if (!errors.IsEmpty) return null;
            result = StructureBuilder.FromLegs(legs, quantity);
        }
        foreach (var error in result.Errors) errors.Add(error.Field, error.Message);
        return result.Definition;
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
