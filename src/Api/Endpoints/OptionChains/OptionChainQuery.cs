using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Analytics.Api.Errors;
using Analytics.Api.Endpoints.Surfaces;
using Analytics.Api.Serialization;
using Analytics.Pricing;
using Analytics.Pricing.L2;
using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Endpoints.OptionChains;

/// <summary>
/// An option-chain request, normalised before anything is computed: the underlying (upper case), the expiry (an instant, or a
/// UTC date that matches the slice expiring that day) and the (blockchain) chain profile. Its ETag needs only the surface id.
/// </summary>
internal sealed record OptionChainQuery(string Underlying, DateTimeOffset? ExpiryInstant, DateOnly? ExpiryDate, ChainProfile Chain, GreekUnits GreekUnits)
{
    public static OptionChainQuery? Read(string underlying, string? expiry, string? chain, string? greekUnits, ChainProfiles chains, FieldErrors errors)
    {
        var units = GreekUnits.PerUnit;
        if (greekUnits is not null && !TryUnits(greekUnits, out units))
            errors.Add("greekUnits", $"must be {string.Join(" or ", Enum.GetValues<GreekUnits>().Select(u => EnumNames.Of(u)))}; got '{greekUnits}'.");
        var symbol = SurfaceFitValidator.Underlying(underlying, errors);
        DateTimeOffset? instant = null;
        DateOnly? date = null;
        if (string.IsNullOrWhiteSpace(expiry))
            errors.Add("expiry", "is required: an ISO-8601 UTC instant (2026-01-30T08:00:00Z) or a UTC date (2026-01-30).");
        else if (DateOnly.TryParseExact(expiry, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            date = d;
        else if (DateTimeOffset.TryParse(expiry, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var i))
            instant = i;
        else
            errors.Add("expiry", $"'{expiry}' is neither an ISO-8601 instant nor a date (yyyy-MM-dd).");

        ChainProfile? profile = null;
        if (string.IsNullOrWhiteSpace(chain))
            errors.Add("chain", $"is required: one of {string.Join(", ", chains.All.Select(c => c.Id))}.");
        else if ((profile = chains.Find(chain)) is null)
            errors.Add("chain", $"'{chain}' is not a configured chain; configured: {string.Join(", ", chains.All.Select(c => c.Id))}.");
        return errors.IsEmpty ? new OptionChainQuery(symbol!, instant, date, profile!.Value, units) : null;
    }

    /// <summary>
    /// The strong ETag of this query on surface <paramref name="surfaceId"/>'s slice expiring at <paramref name="sliceExpiryUtc"/>
    /// (the chain's profile figures included, so a configuration change shows): equal for every spelling of the same expiry.
    /// </summary>
    public string ETag(long surfaceId, DateTimeOffset sliceExpiryUtc)
    {
        var c = Chain;
        var units = GreekUnits == GreekUnits.PerUnit ? "" : "|" + EnumNames.Of(GreekUnits); // per-unit keeps the ETags it always had
        var key = string.Create(CultureInfo.InvariantCulture,
            $"chain-v2|{surfaceId}|{Underlying}|{sliceExpiryUtc.UtcTicks}|{c.Id}|{c.GasCostUsd:R}|{c.WithdrawalDelayHours:R}|{c.LiquidationLatencySeconds:R}{units}");
        return "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16) + "\"";
    }

    private static bool TryUnits(string text, out GreekUnits units)
    {
        foreach (var candidate in Enum.GetValues<GreekUnits>())
        {
            if (!string.Equals(EnumNames.Of(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase)) continue;
            units = candidate;
            return true;
        }
        units = GreekUnits.PerUnit;
        return false;
    }

    /// <summary>The index of the slice this query names, or -1.</summary>
    public int SliceIndex(VolatilitySurface surface)
    {
        for (var i = 0; i < surface.Slices.Length; i++)
        {
            var expiry = surface.Slices[i].ExpiryUtc;
            if (ExpiryInstant is { } at ? expiry == at : DateOnly.FromDateTime(expiry.UtcDateTime) == ExpiryDate) return i;
        }
        return -1;
    }

    /// <summary>Whether an If-None-Match header value matches <paramref name="etag"/> (weak comparison, RFC 9110 §13.1.2).</summary>
    public static bool Matches(string? ifNoneMatch, string etag)
    {
        if (string.IsNullOrEmpty(ifNoneMatch)) return false;
        foreach (var part in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "*") return true;
            var tag = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
            if (tag == etag) return true;
        }
        return false;
    }
}
