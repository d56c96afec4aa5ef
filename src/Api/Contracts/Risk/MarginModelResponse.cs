using System.ComponentModel;
using Analytics.Pricing.Margin;

namespace Analytics.Api.Contracts.Risk;

/// <summary>A configured margin model with its parameters and sources.</summary>
public sealed record MarginModelResponse(
    [property: Description("Model id, for `model`.")] string Id,
    [property: Description("`standard` or `portfolio`.")] string Kind,
    [property: Description("Venue whose rules it reproduces.")] string Venue,
    [property: Description("What it is.")] string Description,
    [property: Description("Where the parameters come from (URLs) and when they were read.")] string Source,
    [property: Description("Readings chosen where the documentation is ambiguous or silent.")] IReadOnlyList<string> Assumptions,
    [property: Description("The confidence the venue claims its maintenance margin covers; null when it states none.")] double? ClaimedConfidence,
    [property: Description("Standard models: rules per underlying (`*` = any other); null for portfolio models.")] IReadOnlyDictionary<string, MarginRulesResponse>? Underlyings,
    [property: Description("Portfolio models: relative spot moves of the grid.")] IReadOnlyList<double>? SpotMoves,
    [property: Description("Portfolio models: vol shocks k = size·(referenceDays / max(days, minimumDays))^p (p = longTenorPower beyond referenceDays when given, else tenorPower), relative σ·(1 + k) or absolute σ + k, at least minimumVol.")] IReadOnlyList<VolShock>? VolShocks,
    [property: Description("Portfolio models: extended spot moves (under the largest up shock).")] IReadOnlyList<double>? ExtendedMoves,
    [property: Description("Portfolio models: fraction of an extended scenario's loss counted (when `extendedLossFractions` is null).")] double? ExtendedLossFraction,
    [property: Description("Portfolio models: initial ÷ maintenance margin of the scaled worst loss (contingencies aside).")] double? InitialMultiple,
    [property: Description("Portfolio models: per extended move, the fraction of its loss counted (Derive's dampening); null: `extendedLossFraction` for each.")] IReadOnlyList<double>? ExtendedLossFractions = null,
    [property: Description("Portfolio models: whether the extended moves also run for an underlying held without options.")] bool? ExtendedWithoutOptions = null,
    [property: Description("Portfolio models: maintenance margin ÷ the worst loss (Derive's mmFactor), before contingencies.")] double? MaintenanceLossFactor = null,
    [property: Description("Portfolio models: skew shocks at unchanged spot, σ' = σ·max(0, 1 + clamp(x·c / k*, −c, c)) with x = ln(K/F) (linear) or |ln(K/F)|, c = capPerSqrtYear·√τ + baseCap, k* = max(minKStar, √τ·widthScale·(volParamStatic + √τ·volParamPerSqrtYear)); each expiry's P&L counts as a loss whichever its sign.")] IReadOnlyList<SkewShock>? SkewShocks = null,
    [property: Description("Portfolio models: each expiry's shocked option value V times longBase·e^{−τ(r·longRateScale + longAddRate)} when V ≥ 0, else min(e^{rτ}, shortBase·e^{τ(r·shortRateScale + shortAddRate)}); null: none.")] StaticDiscount? StaticDiscount = null,
    [property: Description("Portfolio models: each expiry's options alone at upMove and downMove (vols unchanged), the worse loss × (addFactor + perYearFactor·τ), summed; competes with the scenarios for the worst loss. Null: none.")] BasisContingency? BasisContingency = null,
    [property: Description("Portfolio models: contingency fractions per underlying (`*` = any other) of the net perp notional, the naked short options' notional (per expiry and strike) and the coin's value, maintenance and the extra for initial margin; a listed set limits the model to those underlyings. Null: none.")] IReadOnlyDictionary<string, PortfolioContingency>? Contingencies = null)
{
    /// <summary>The response for <paramref name="model"/>.</summary>
    public static MarginModelResponse Of(MarginModel model) => model switch
    {
        StandardMarginModel s => new(model.Id, model.Kind, model.Venue, model.Description, model.Source, model.Assumptions, model.ClaimedConfidence,
            s.Rules.ToDictionary(r => r.Key, r => new MarginRulesResponse(r.Value.Options, r.Value.Perpetuals)), null, null, null, null, null),
        PortfolioMarginModel p => new(model.Id, model.Kind, model.Venue, model.Description, model.Source, model.Assumptions, model.ClaimedConfidence,
            null, p.SpotMoves, p.VolShocks, p.ExtendedMoves, p.ExtendedLossFraction, p.InitialMultiple,
            p.ExtendedLossFractions.IsDefaultOrEmpty ? null : p.ExtendedLossFractions, p.ExtendedWithoutOptions, p.MaintenanceLossFactor,
            p.SkewShocks.IsDefaultOrEmpty ? null : p.SkewShocks, p.StaticDiscount, p.BasisContingency,
            p.Contingencies.IsEmpty ? null : p.Contingencies),
        _ => new(model.Id, model.Kind, model.Venue, model.Description, model.Source, model.Assumptions, model.ClaimedConfidence, null, null, null, null, null, null),
    };
}

/// <summary>A standard model's rules for one underlying.</summary>
public sealed record MarginRulesResponse(
    [property: Description("Short-option rule; null when the venue lists no options.")] OptionMarginRule? Options,
    [property: Description("Perpetual rule; null when the venue lists no perpetuals.")] LinearMarginRule? Perps);
