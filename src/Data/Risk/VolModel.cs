namespace Analytics.Data.Risk;

/// <summary>How option vols move in a VaR scenario (API.md <c>volModel</c>).</summary>
public enum VolModel
{
    /// <summary>Each option keeps the vol read from the surface at its strike (sticky strike).</summary>
    Held,

    /// <summary>Each option's vol is read from the surface at the moved spot's log-moneyness (k fixed, the vol moves with spot).</summary>
    StickyMoneyness,

    /// <summary>Vol moves from the stored surfaces at the historical dates.</summary>
    SurfaceHistory,
}
