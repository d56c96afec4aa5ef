using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>A named historical stress scenario.</summary>
public sealed record StressScenarioResponse(
    [property: Description("Name to use in `scenarios`.")] string Name,
    [property: Description("What happened.")] string Description,
    [property: Description("The close the spot moves are measured from (UTC day).")] DateOnly FromClose,
    [property: Description("The close they are measured to (UTC day).")] DateOnly ToClose,
    [property: Description("Reference relative spot moves per underlying over the window (−0.4 = down 40 %), used where the indexed daily history lacks a close.")] IReadOnlyDictionary<string, double> ReferenceSpotMoves,
    [property: Description("Where the reference moves come from.")] string ReferenceSource,
    [property: Description("Absolute vol shift applied to every option of any underlying (0.3 = +30 vol points).")] double VolShift,
    [property: Description("Why that vol shift.")] string VolSource);
