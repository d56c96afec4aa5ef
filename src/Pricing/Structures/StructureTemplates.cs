namespace Analytics.Pricing.Structures;

/// <summary>The API ids of <see cref="StructureTemplate"/> and the number of strikes each needs.</summary>
public static class StructureTemplates
{
    private static readonly string[] Ids =
    [
        "call-spread", "put-spread", "butterfly", "iron-butterfly", "condor", "iron-condor",
        "straddle", "strangle", "risk-reversal", "collar", "calendar", "diagonal",
    ];

    /// <summary>The API id, e.g. <c>iron-condor</c>.</summary>
    /// <param name="template">A defined template.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The template is undefined.</exception>
    public static string ToId(this StructureTemplate template) => Ids[(int)Guard.Defined(template, nameof(template))];

    /// <summary>Parses an API id (case-insensitive).</summary>
    /// <param name="id">The id, e.g. <c>butterfly</c>.</param>
    /// <param name="template">The template when found.</param>
    /// <returns>Whether the id names a template.</returns>
    public static bool TryParse(string? id, out StructureTemplate template)
    {
        int index = id is null ? -1 : Array.FindIndex(Ids, candidate => string.Equals(candidate, id, StringComparison.OrdinalIgnoreCase));
        template = index < 0 ? default : (StructureTemplate)index;
        return index >= 0;
    }

    /// <summary>All API ids, in enum order.</summary>
    public static IReadOnlyList<string> AllIds => Ids;

    /// <summary>How many strikes a template takes (ascending as given).</summary>
    /// <param name="template">A defined template.</param>
    /// <returns>1 to 4.</returns>
    public static int StrikeCount(this StructureTemplate template) => template switch
    {
        StructureTemplate.Straddle or StructureTemplate.Calendar => 1,
        StructureTemplate.CallSpread or StructureTemplate.PutSpread or StructureTemplate.Strangle
            or StructureTemplate.RiskReversal or StructureTemplate.Collar or StructureTemplate.Diagonal => 2,
        StructureTemplate.Butterfly or StructureTemplate.IronButterfly => 3,
        StructureTemplate.Condor or StructureTemplate.IronCondor => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, "Undefined StructureTemplate value."),
    };

    /// <summary>Whether the template needs an option type (call or put): butterfly, condor, calendar and diagonal.</summary>
    /// <param name="template">A defined template.</param>
    /// <returns><see langword="true"/> when the request's <c>type</c> is required.</returns>
    public static bool NeedsType(this StructureTemplate template) =>
        template is StructureTemplate.Butterfly or StructureTemplate.Condor or StructureTemplate.Calendar or StructureTemplate.Diagonal;

    /// <summary>Whether the template has a far leg and needs a far tenor: calendar and diagonal.</summary>
    /// <param name="template">A template.</param>
    /// <returns><see langword="true"/> when the request's <c>farTenorYears</c> or <c>farExpiry</c> is required.</returns>
    public static bool NeedsFarTenor(this StructureTemplate template) =>
        template is StructureTemplate.Calendar or StructureTemplate.Diagonal;
}
