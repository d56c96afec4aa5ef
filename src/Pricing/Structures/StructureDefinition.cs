using System.Collections.Immutable;

namespace Analytics.Pricing.Structures;

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
