using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>Fit quality inside the quoted range and in the wings, against the venue's marks and against mids.</summary>
public sealed record FitQualityResponse(
    [property: Description("Points whose log-moneyness lies between the smallest and largest of the slice's two-sided quotes.")] FitErrorResponse InRange,
    [property: Description("Listed strikes outside that range (quoted one-sided or by the venue's mark only): the fit extrapolates there.")] FitErrorResponse Wings);
