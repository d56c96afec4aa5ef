namespace Analytics.Data.Risk;

/// <summary>How VaR is estimated (API.md <c>method</c>).</summary>
public enum VarMethod
{
    /// <summary>Historical simulation with full revaluation.</summary>
    Historical = 0,

    /// <summary>Parametric delta-normal.</summary>
    Parametric = 1,

    /// <summary>Delta-gamma with the Cornish–Fisher expansion.</summary>
    DeltaGamma = 2,

    /// <summary>Monte Carlo with correlated underlyings and full revaluation.</summary>
    MonteCarlo = 3,
}
