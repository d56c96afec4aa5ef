using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Analytics.Api.Contracts.L2;
using Analytics.Api.Endpoints.L2;
using Analytics.Api.Endpoints.Surfaces;
using Analytics.Api.Errors;
using Analytics.Api.Serialization;
using Analytics.Pricing;
using Analytics.Pricing.L2;
using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Endpoints.OptionChains;

/// <summary>
/// An option-chain request, normalised before anything is computed: the underlying (upper case), the expiry (an instant, or a
/// UTC date that matches the slice expiring that day; none means the nearest slice), the L2 trade terms when a (blockchain) <c>chain</c> is named (its
/// profile, <c>contracts</c>, <c>rehedgeIntervalHours</c>, <c>takerFeeRate</c>, defaults filled in, and where its gas comes
/// from), and the premium currency. Its ETag is a function of these values only, never of their spelling. With
/// <see cref="GasSource.Observed"/> the endpoint replaces the profile's gas by the observed median
/// (<see cref="ObservedGasResolver"/>) before the ETag is taken, so a new median is a new ETag.
/// </summary>
internal sealed record OptionChainQuery(
    string Underlying, DateTimeOffset? ExpiryInstant, DateOnly? ExpiryDate, L2TradeTerms? Terms, PremiumCurrency PremiumCurrency,
    GreekUnits GreekUnits, GasSource Gas = GasSource.Configured)
{
    public static OptionChainQuery? Read(
        string underlying, string? expiry, string? chain, double? contracts, double? takerFeeRate, double? rehedgeIntervalHours,
        string? premiumCurrency, string? greekUnits, string? gas, ChainProfiles chains, FieldErrors errors)
    {
        var units = GreekUnits.PerUnit;
        if (greekUnits is not null && !TryUnits(greekUnits, out units))
            errors.Add("greekUnits", $"must be {string.Join(" or ", Enum.GetValues<GreekUnits>().Select(u => EnumNames.Of(u)))}; got '{greekUnits}'.");
        var symbol = SurfaceFitValidator.Underlying(underlying, errors);
        DateTimeOffset? instant = null;
        DateOnly? date = null;
        if (string.IsNullOrWhiteSpace(expiry))
        {
            // absent: the surface's nearest expiry (SliceIndex)
        }
        else if (DateOnly.TryParseExact(expiry, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            date = d;
        else if (DateTimeOffset.TryParse(expiry, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var i))
            instant = i;
        else
            errors.Add("expiry", $"'{expiry}' is neither an ISO-8601 instant nor a date (yyyy-MM-dd).");

        ChainProfile? profile = null;
        if (!string.IsNullOrWhiteSpace(chain) && (profile = chains.Find(chain)) is null)
            errors.Add("chain", $"'{chain}' is not a configured chain; configured: {string.Join(", ", chains.All.Select(c => c.Id))}.");

        // The l2 block's ranges and defaults (one code path with /options/price); checked with or without a chain.
        var (size, rehedge, fee) = L2RequestValidator.TradeTerms(contracts, rehedgeIntervalHours, takerFeeRate, errors, prefix: "");

        var currency = premiumCurrency?.Trim().ToLowerInvariant() switch
        {
            null or "" or "usd" => PremiumCurrency.Usd,
            "underlying" => PremiumCurrency.Underlying,
            _ => (PremiumCurrency?)null,
        };
        if (currency is null) errors.Add("premiumCurrency", $"'{premiumCurrency}' is not one of usd (default), underlying.");

        var gasSource = gas?.Trim().ToLowerInvariant() switch
        {
            null or "" or "configured" => GasSource.Configured,
            "observed" => GasSource.Observed,
            _ => (GasSource?)null,
        };
        if (gasSource is null) errors.Add("gas", $"'{gas}' is not one of configured (default), observed.");
        else if (gasSource == GasSource.Observed && string.IsNullOrWhiteSpace(chain))
            errors.Add("gas", "observed needs chain: without it no gas applies.");

        if (!errors.IsEmpty) return null;
        // -0 reads as 0 (one ETag per content); without a chain the trade terms are not used.
        var terms = profile is { } p ? new L2TradeTerms(p, SettlementLayer.L2, size, rehedge, fee + 0.0) : null;
        return new OptionChainQuery(symbol!, instant, date, terms, currency!.Value, units, gasSource!.Value);
    }

    /// <summary>
    /// The strong ETag of this query on surface <paramref name="surfaceId"/>'s slice expiring at <paramref name="sliceExpiryUtc"/>:
    /// built from the resolved values (slice instant, profile id and figures, trade terms with their defaults, premium
    /// currency), so every spelling of the same content (date or instant, letter case, parameter order, defaults given or
    /// omitted) has the same ETag, and a configuration change of the chain's profile shows.
    /// </summary>
    public string ETag(long surfaceId, DateTimeOffset sliceExpiryUtc)
    {
        var l2 = Terms is { Chain: var c } t
            ? string.Create(CultureInfo.InvariantCulture,
                $"{c.Id}|{Gas}|{c.GasCostUsd:R}|{c.WithdrawalDelayHours:R}|{c.LiquidationLatencySeconds:R}|{t.Contracts:R}|{t.RehedgeIntervalHours:R}|{t.TakerFeeRate:R}")
            : "no-l2";
        var key = string.Create(CultureInfo.InvariantCulture,
            $"chain-v4|{surfaceId}|{Underlying}|{sliceExpiryUtc.UtcTicks}|{PremiumCurrency}|{l2}|{GreekUnits}");
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

    /// <summary>The index of the slice this query names (the nearest one when it names none), or -1.</summary>
    public int SliceIndex(VolatilitySurface surface)
    {
        if (ExpiryInstant is null && ExpiryDate is null) return surface.Slices.Length > 0 ? 0 : -1;
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
