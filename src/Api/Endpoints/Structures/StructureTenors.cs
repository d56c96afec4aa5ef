using Analytics.Api.Endpoints.Pricing;
using Analytics.Api.Errors;
using Analytics.Pricing.Market;

namespace Analytics.Api.Endpoints.Structures;

/// <summary>
/// A structure's tenors from expiries or years (PRODUCT.md §5: a request gives either an expiry, with a valuation time
/// defaulting to now, or <c>tenorYears</c>): an expiry becomes Act/365F years from the valuation time, as on
/// POST /options/price; giving both for one leg is a 400 naming the expiry field.
/// </summary>
internal static class StructureTenors
{
    /// <summary>Longest tenor priced, years (as POST /options/price: the shared input bounds).</summary>
    public const double MaxTenorYears = OptionRequestValidator.MaxTenorYears;

    /// <summary>
    /// The tenor in years of one expiry-or-tenor pair; null when neither is given or the one given is unusable (then
    /// <paramref name="errors"/> names the field). <paramref name="years"/> is assumed range-checked already. With
    /// <paramref name="allowExpiryInstant"/> an expiry at the valuation time is tenor 0 (priced at its intrinsic value).
    /// </summary>
    public static double? Resolve(string yearsField, string expiryField, double? years, DateTimeOffset? expiry, DateTimeOffset valuationTime,
        FieldErrors errors, bool allowExpiryInstant = false)
    {
        if (years is not null && expiry is not null)
        {
            errors.Add(expiryField, $"give either {yearsField} or {expiryField}, not both.");
            return null;
        }
        if (expiry is not { } at) return years is { } y && double.IsFinite(y) && (allowExpiryInstant ? y >= 0 : y > 0) && y <= MaxTenorYears ? y : null;

        var tenor = YearFraction.Act365F(valuationTime, at);
        if (allowExpiryInstant ? tenor < 0 : tenor <= 0)
        {
            errors.Add(expiryField, $"{at.UtcDateTime:O} is not after the valuation time {valuationTime.UtcDateTime:O}: the leg has expired.");
            return null;
        }
        if (tenor > MaxTenorYears)
        {
            errors.Add(expiryField, $"is {tenor:F1} years after the valuation time; at most {MaxTenorYears} years are priced.");
            return null;
        }
        return tenor;
    }
}
