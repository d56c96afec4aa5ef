using System.ComponentModel;
using Analytics.Api.Contracts.Surfaces;

namespace Analytics.Api.Contracts.OptionChains;

// "Chain" here is the option chain; the type keeps its name because it is the committed OpenAPI schema id.
/// <summary>One strike of the chain.</summary>
public sealed record ChainStrikeResponse(
    [property: Description("Strike, USD.")] double Strike,
    [property: Description("k = ln(K/F_T).")] double LogMoneyness,
    [property: Description("The surface's implied vol at this strike, annualised decimal.")] double Vol,
    [property: Description("The call.")] ChainOptionResponse Call,
    [property: Description("The put.")] ChainOptionResponse Put,
    [property: Description("Where the vol comes from, as GET /surfaces/{id}/vol says it: `strike` is `below-quoted-range` or `above-quoted-range` for a wing strike outside the log-moneyness quoted on both sides (the SVI wing extrapolates there; `interpolated` false), `within-quoted-range` otherwise.")] SurfaceExtrapolationResponse Extrapolation);
