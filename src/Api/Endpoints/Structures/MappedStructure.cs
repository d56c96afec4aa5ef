using System.Collections.Immutable;
using Analytics.Pricing.Structures;

namespace Analytics.Api.Endpoints.Structures;

/// <summary>A request's structure and, per leg in definition order, the expiry it was given (null for a tenor in years).</summary>
internal sealed record MappedStructure(StructureDefinition Definition, ImmutableArray<DateTimeOffset?> LegExpiries)
{
    /// <summary>Whether any leg was given an expiry.</summary>
    public bool UsesExpiries => LegExpiries.Any(e => e is not null);
}
