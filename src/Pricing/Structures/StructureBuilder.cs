using System.Collections.Immutable;
using System.Globalization;
using Analytics.Pricing.Engines;

namespace Analytics.Pricing.Structures;

/// <summary>
/// Builds validated <see cref="StructureDefinition"/>s from API.md's templates or from custom legs. Problems come
/// back as values (<see cref="StructureDefinitionResult.Errors"/>) with the request field at fault: strikes in the
/// order the template needs (strictly ascending as given), the right number of strikes, an option type where the
/// template needs one, non-zero quantities, and a far tenor beyond the near one for calendars.
/// Leg tables: API.md; strategies: Hull, <i>Options, Futures, and Other Derivatives</i>, 8th ed. 2012, ch. 12.
/// </summary>
public static class StructureBuilder
{
    /// <summary>Most legs a custom structure may have.</summary>
    public const int MaxLegs = 16;

    /// <summary>Builds a template structure.</summary>
    /// <param name="template">The template.</param>
    /// <param name="strikes">Strikes in USD, strictly ascending as given, as many as <see cref="StructureTemplates.StrikeCount"/>.</param>
    /// <param name="tenorYears">Tenor of every leg (the near tenor for a calendar), years, ≥ 0 (0: the expiry instant).</param>
    /// <param name="quantity">Signed number of structure units, non-zero; negative reverses every leg.</param>
    /// <param name="right">Option type, required by butterfly, condor, calendar and diagonal, ignored by the others.</param>
    /// <param name="farTenorYears">Far tenor of a calendar or diagonal, years, &gt; <paramref name="tenorYears"/>; ignored by the others.</param>
    /// <param name="style">Exercise style of every leg.</param>
    /// <returns>The definition or the validation errors.</returns>
    public static StructureDefinitionResult FromTemplate(
        StructureTemplate template,
        IReadOnlyList<double>? strikes,
        double tenorYears,
        double quantity = 1.0,
        OptionRight? right = null,
        double? farTenorYears = null,
        OptionExerciseStyle style = OptionExerciseStyle.European)
    {
        var errors = new List<StructureValidationError>();
        if (!Enum.IsDefined(template))
        {
            errors.Add(new("template", $"must be one of {string.Join(", ", StructureTemplates.AllIds)}."));
            return StructureDefinitionResult.Failure(errors);
        }

        CheckStrikes(template, strikes, errors);
        CheckNonNegative(tenorYears, "tenorYears", "years; 0 is the expiry instant", errors);
        CheckQuantity(quantity, "quantity", errors);
        CheckStyle(style, "style", errors);
        if (template.NeedsType())
        {
            if (right is null)
            {
                errors.Add(new("type", $"is required by the {template.ToId()} template (call or put)."));
            }
            else if (!Enum.IsDefined(right.Value))
            {
                errors.Add(new("type", "must be call or put."));
            }
        }

        if (template.NeedsFarTenor())
        {
            if (farTenorYears is not { } far)
            {
                errors.Add(new("farTenorYears", $"is required by the {template.ToId()} template (years, beyond tenorYears)."));
            }
            else if (!double.IsFinite(far) || far <= 0.0 || !(far > tenorYears))
            {
                errors.Add(new("farTenorYears", $"must be a finite number of years greater than tenorYears ({Format(tenorYears)}); got {Format(far)}."));
            }
        }

        if (errors.Count > 0)
        {
            return StructureDefinitionResult.Failure(errors);
        }

        var legs = TemplateLegs(template, strikes!, tenorYears, right ?? OptionRight.Call, farTenorYears ?? 0.0, style);
        return StructureDefinitionResult.Success(new StructureDefinition(template.ToId(), template, quantity, legs));
    }

    /// <summary>Builds a structure from custom legs.</summary>
    /// <param name="legs">One to <see cref="MaxLegs"/> legs, each with strike ≥ 0, tenor ≥ 0, non-zero quantity and an
    /// optional vol ≥ 0.</param>
    /// <param name="quantity">Signed number of structure units, non-zero; negative reverses every leg.</param>
    /// <returns>The definition or the validation errors (fields <c>legs[i].strike</c> and so on).</returns>
    public static StructureDefinitionResult FromLegs(IReadOnlyList<StructureLeg?>? legs, double quantity = 1.0)
    {
        var errors = new List<StructureValidationError>();
        CheckQuantity(quantity, "quantity", errors);
        if (legs is null || legs.Count == 0)
        {
            errors.Add(new("legs", "must hold at least one leg."));
            return StructureDefinitionResult.Failure(errors);
        }

        if (legs.Count > MaxLegs)
        {
            errors.Add(new("legs", $"must hold at most {MaxLegs} legs; got {legs.Count}."));
            return StructureDefinitionResult.Failure(errors);
        }

        for (int i = 0; i < legs.Count; i++)
        {
            string prefix = $"legs[{i}].";
            if (legs[i] is not { } leg)
            {
                errors.Add(new($"legs[{i}]", "must not be null."));
                continue;
            }

            if (!Enum.IsDefined(leg.Right))
            {
                errors.Add(new(prefix + "type", "must be call or put."));
            }

            CheckNonNegative(leg.Strike, prefix + "strike", "USD; 0 is priced at its limit", errors);
            CheckNonNegative(leg.TenorYears, prefix + "tenorYears", "years; 0 is the expiry instant", errors);
            CheckQuantity(leg.Quantity, prefix + "quantity", errors);
            if (leg.Volatility is { } vol)
            {
                CheckNonNegative(vol, prefix + "vol", "annualised decimal; 0 is the deterministic limit", errors);
            }

            CheckStyle(leg.Style, prefix + "style", errors);
        }

        return errors.Count > 0
            ? StructureDefinitionResult.Failure(errors)
            : StructureDefinitionResult.Success(new StructureDefinition("custom", null, quantity, [.. legs!.Select(l => l!)]));
    }

    private static ImmutableArray<StructureLeg> TemplateLegs(
        StructureTemplate template, IReadOnlyList<double> k, double tenor, OptionRight type, double farTenor, OptionExerciseStyle style)
    {
        const OptionRight C = OptionRight.Call;
        const OptionRight P = OptionRight.Put;
        StructureLeg Leg(OptionRight right, double strike, double quantity, double? legTenor = null) =>
            new(right, strike, legTenor ?? tenor, quantity, null, style);

        return template switch
        {
            StructureTemplate.CallSpread => [Leg(C, k[0], 1), Leg(C, k[1], -1)],
            StructureTemplate.PutSpread => [Leg(P, k[1], 1), Leg(P, k[0], -1)],
            StructureTemplate.Butterfly => [Leg(type, k[0], 1), Leg(type, k[1], -2), Leg(type, k[2], 1)],
            StructureTemplate.IronButterfly => [Leg(P, k[1], -1), Leg(C, k[1], -1), Leg(P, k[0], 1), Leg(C, k[2], 1)],
            StructureTemplate.Condor => [Leg(type, k[0], 1), Leg(type, k[1], -1), Leg(type, k[2], -1), Leg(type, k[3], 1)],
            StructureTemplate.IronCondor => [Leg(P, k[0], 1), Leg(P, k[1], -1), Leg(C, k[2], -1), Leg(C, k[3], 1)],
            StructureTemplate.Straddle => [Leg(C, k[0], 1), Leg(P, k[0], 1)],
            StructureTemplate.Strangle => [Leg(P, k[0], 1), Leg(C, k[1], 1)],
            StructureTemplate.RiskReversal => [Leg(C, k[1], 1), Leg(P, k[0], -1)],
            StructureTemplate.Collar => [Leg(C, k[1], -1), Leg(P, k[0], 1)],
            StructureTemplate.Calendar => [Leg(type, k[0], -1), Leg(type, k[0], 1, farTenor)],
            StructureTemplate.Diagonal => type == C
                ? [Leg(C, k[1], -1), Leg(C, k[0], 1, farTenor)]
                : [Leg(P, k[0], -1), Leg(P, k[1], 1, farTenor)],
            _ => throw new ArgumentOutOfRangeException(nameof(template), template, "Undefined StructureTemplate value."),
        };
    }

    private static void CheckStrikes(StructureTemplate template, IReadOnlyList<double>? strikes, List<StructureValidationError> errors)
    {
        int expected = template.StrikeCount();
        if (strikes is null || strikes.Count != expected)
        {
            errors.Add(new("strikes", $"the {template.ToId()} template takes {expected} strike{(expected == 1 ? string.Empty : "s")}; got {strikes?.Count ?? 0}."));
            return;
        }

        bool allPositive = true;
        for (int i = 0; i < strikes.Count; i++)
        {
            if (!double.IsFinite(strikes[i]) || strikes[i] < 0.0)
            {
                errors.Add(new($"strikes[{i}]", $"must be a finite price ≥ 0 (USD); got {Format(strikes[i])}."));
                allPositive = false;
            }
        }

        if (!allPositive)
        {
            return;
        }

        for (int i = 1; i < strikes.Count; i++)
        {
            if (!(strikes[i] > strikes[i - 1]))
            {
                errors.Add(new("strikes", $"must be strictly ascending (K1 < K2 < …) for the {template.ToId()} template; got [{string.Join(", ", strikes.Select(Format))}]."));
                return;
            }
        }
    }

    /// <summary>Strike, tenor and vol: 0 is a limit the structure calculator prices exactly (issue 14 item 1).</summary>
    private static void CheckNonNegative(double value, string field, string unit, List<StructureValidationError> errors)
    {
        if (!double.IsFinite(value) || value < 0.0)
        {
            errors.Add(new(field, $"must be a finite number ≥ 0 ({unit}); got {Format(value)}."));
        }
    }

    private static void CheckQuantity(double value, string field, List<StructureValidationError> errors)
    {
        if (!double.IsFinite(value) || value == 0.0)
        {
            errors.Add(new(field, $"must be a finite, non-zero number (negative = sold); got {Format(value)}."));
        }
    }

    private static void CheckStyle(OptionExerciseStyle style, string field, List<StructureValidationError> errors)
    {
        if (!Enum.IsDefined(style))
        {
            errors.Add(new(field, "must be european or american."));
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
