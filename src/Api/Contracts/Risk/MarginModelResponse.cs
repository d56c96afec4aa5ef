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
    [property: Description("Portfolio models: vol shocks k = size·(referenceDays / max(days, minimumDays))^tenorPower, relative σ·(1 + k) or absolute σ + k.")] IReadOnlyList<VolShock>? VolShocks,
    [property: Description("Portfolio models: extended spot moves (under the largest up shock).")] IReadOnlyList<double>? ExtendedMoves,
    [property: Description("Portfolio models: fraction of an extended scenario's loss counted.")] double? ExtendedLossFraction,
    [property: Description("Portfolio models: initial ÷ maintenance margin.")] double? InitialMultiple);

/// <summary>A standard model's rules for one underlying.</summary>
public sealed record MarginRulesResponse(
    [property: Description("Short-option rule; null when the venue lists no options.")] OptionMarginRule? Options,
    [property: Description("Perpetual rule; null when the venue lists no perpetuals.")] LinearMarginRule? Perps);
