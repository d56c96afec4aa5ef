using System.Collections.Immutable;

namespace Analytics.Pricing.Structures;

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
