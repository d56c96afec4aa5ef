using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>A spot price a risk run used.</summary>
public sealed record RiskPriceResponse(
    [property: Description("USD.")] double Price,
    [property: Description("The observation's instant, UTC.")] DateTimeOffset ObservedAt,
    [property: Description("The observation's source.")] string Source);
