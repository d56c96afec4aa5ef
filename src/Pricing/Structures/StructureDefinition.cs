using System.Collections.Immutable;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;

namespace Analytics.Pricing.Structures;

/// <summary>
/// One leg of a structure, per unit of the structure's quantity. Plain data: <see cref="StructureBuilder"/>
/// validates legs and reports problems as values.
/// </summary>
/// <param name="Right">Call or put.</param>
/// <param name="Strike">Strike K, &gt; 0, USD.</param>
/// <param name="TenorYears">Time to this leg's expiry in years (Act/365F), &gt; 0.</param>
/// <param name="Quantity">Signed number of options per structure unit, non-zero (negative = sold); may be fractional.</param>
/// <param name="Volatility">This leg's lognormal vol (annualised decimal, &gt; 0), or <see langword="null"/> for the market vol.</param>
/// <param name="Style">European or American exercise.</param>
public sealed record StructureLeg(
    OptionRight Right,
    double Strike,
    double TenorYears,
    double Quantity,
    double? Volatility = null,
    OptionExerciseStyle Style = OptionExerciseStyle.European);

/// <summary>
/// A validated structure: its legs per unit and the signed number of units held (a negative quantity reverses every
/// leg). Only <see cref="StructureBuilder"/> creates it; it cannot be changed afterwards. Immutable.
/// </summary>
public sealed record StructureDefinition
{
    internal StructureDefinition(string name, StructureTemplate? template, double quantity, ImmutableArray<StructureLeg> legs)
    {
        Name = name;
        Template = template;
        Quantity = quantity;
        Legs = legs;
    }

    /// <summary>The template id (e.g. <c>iron-condor</c>) or <c>custom</c>.</summary>
    public string Name { get; }

    /// <summary>The template, or <see langword="null"/> for custom legs.</summary>
    public StructureTemplate? Template { get; }

    /// <summary>Signed number of structure units, non-zero; negative reverses every leg.</summary>
    public double Quantity { get; }

    /// <summary>The legs per structure unit, validated, in template order.</summary>
    public ImmutableArray<StructureLeg> Legs { get; }

    /// <summary>The first expiry: the shortest leg tenor, in years.</summary>
    public double FirstExpiryYears => Legs.Min(leg => leg.TenorYears);

    /// <summary>The signed position in one leg: structure quantity × leg quantity.</summary>
    /// <param name="leg">A leg of this structure.</param>
    /// <returns>Number of options held (negative = sold).</returns>
    public double PositionQuantity(StructureLeg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return Quantity * leg.Quantity;
    }
}

/// <summary>A validation failure of a structure request, for an RFC 9457 <c>errors</c> map.</summary>
/// <param name="Field">The request field at fault, camelCase as in API.md, e.g. <c>strikes</c> or <c>legs[1].quantity</c>.</param>
/// <param name="Message">Why, with the value received.</param>
public sealed record StructureValidationError(string Field, string Message);

/// <summary>
/// The outcome of building a structure: the definition, or the field-level reasons it is invalid
/// (errors as values, after Noda Time's <c>ParseResult&lt;T&gt;</c>). Immutable.
/// </summary>
public sealed record StructureDefinitionResult
{
    private StructureDefinitionResult(StructureDefinition? definition, ImmutableArray<StructureValidationError> errors)
    {
        Definition = definition;
        Errors = errors;
    }

    /// <summary>The definition when valid, else <see langword="null"/>.</summary>
    public StructureDefinition? Definition { get; }

    /// <summary>Every problem found (empty when valid).</summary>
    public ImmutableArray<StructureValidationError> Errors { get; }

    /// <summary>Whether the structure is valid.</summary>
    public bool IsValid => Definition is not null;

    /// <summary>The definition, or an <see cref="InvalidOperationException"/> listing the errors.</summary>
    /// <returns>The valid definition.</returns>
    /// <exception cref="InvalidOperationException">The structure is invalid.</exception>
    public StructureDefinition GetValueOrThrow() =>
        Definition ?? throw new InvalidOperationException(
            "Invalid structure: " + string.Join("; ", Errors.Select(e => e.Field + " " + e.Message)));

    internal static StructureDefinitionResult Success(StructureDefinition definition) => new(definition, []);

    internal static StructureDefinitionResult Failure(IEnumerable<StructureValidationError> errors) => new(null, [.. errors]);
}
