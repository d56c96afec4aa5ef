namespace Analytics.Data.Market;

/// <summary>Where an option chain's strikes come from.</summary>
public enum ListedStrikeSource
{
    /// <summary>Every strike of the expiry in the indexed quote snapshot the surface was fitted from.</summary>
    QuoteSnapshot = 0,

    /// <summary>Every strike of the expiry in the quotes posted with the fit.</summary>
    PostedQuotes = 1,

    /// <summary>The strikes of the fit's smile points only: the fit's inputs name no quotes.</summary>
    FitPoints = 2,
}
