using System.Text.RegularExpressions;
using Analytics.Api.Contracts.Surfaces;
using Analytics.Api.Errors;
using Analytics.Pricing.Surfaces;
using Analytics.Pricing;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>Checks POST /surfaces/fit field by field (quote fields as <c>quotes[i].field</c>) and reports every problem at once.</summary>
internal static partial class SurfaceFitValidator
{
    public const int MaxQuotes = 20_000;
    private const double MaxPriceUsd = 1e12;

    public static ValidatedSurfaceFit? Validate(SurfaceFitRequest request, DateTimeOffset now, FieldErrors errors)
    {
        var underlying = Underlying(request.Underlying, errors);
        var asOf = request.AsOf ?? now;
        var model = request.Model ?? SurfaceModel.Svi;
        List<SurfaceQuote>? quotes = null;
        if (request.Quotes is { } rows)
        {
            if (rows.Count == 0) errors.Add("quotes", "is empty: give quotes, or leave it out to fit the indexed quotes.");
            if (rows.Count > MaxQuotes) errors.Add("quotes", $"has {rows.Count} quotes; at most {MaxQuotes} are fitted in one call.");
            else quotes = rows.Select((row, i) => Quote(row, i, errors)).Where(q => q is not null).Select(q => q!).ToList();
        }
        return errors.IsEmpty ? new ValidatedSurfaceFit(underlying!, asOf, model, quotes) : null;
    }

    /// <summary>The canonical (upper-case) underlying, or null with an error.</summary>
    public static string? Underlying(string? value, FieldErrors errors, string field = "underlying")
    {
        if (string.IsNullOrWhiteSpace(value)) { errors.Add(field, "is required, e.g. ETH."); return null; }
        if (!SymbolPattern().IsMatch(value)) { errors.Add(field, $"'{value}' is not a symbol: 1–32 letters, digits or '-'."); return null; }
        return Identifiers.Underlying(value);
    }

    private static SurfaceQuote? Quote(SurfaceQuoteRow? row, int i, FieldErrors errors)
    {
        var e = new FieldErrors($"quotes[{i}].");
        if (row is null) { errors.Add($"quotes[{i}]", "is null."); return null; }
        if (row.Expiry is null) e.Add("expiry", "is required (ISO-8601 UTC instant).");
        if (row.Type is null) e.Add("type", "is required: call or put.");
        var strike = e.Required("strike", row.Strike, 0, MaxPriceUsd, "USD", minExclusive: true);
        var bid = e.Range("bid", row.Bid, 0, MaxPriceUsd, "premium per unit of underlying");
        var ask = e.Range("ask", row.Ask, 0, MaxPriceUsd, "premium per unit of underlying");
        var mark = e.Range("mark", row.Mark, 0, MaxPriceUsd, "premium per unit of underlying");
        var forward = e.Range("underlyingPrice", row.UnderlyingPrice, 0, MaxPriceUsd, "USD", minExclusive: true);
        var markIv = e.Range("markIv", row.MarkIv, 0, 100, "annualised decimal");
        var currency = row.PremiumCurrency?.ToLowerInvariant() switch
        {
            null or "usd" => PremiumCurrency.Usd,
            "underlying" => PremiumCurrency.Underlying,
            _ => (PremiumCurrency?)null,
        };
        if (currency is null) e.Add("premiumCurrency", $"'{row.PremiumCurrency}' is not usd or underlying.");
        if (currency == PremiumCurrency.Underlying && row.UnderlyingPrice is null)
            e.Add("underlyingPrice", "is required with premiumCurrency underlying (it converts the premium to USD).");
        foreach (var (field, messages) in e.ToDictionary())
            foreach (var message in messages) errors.Add(field, message);
        if (!e.IsEmpty) return null;
        return new SurfaceQuote(row.Expiry!.Value, strike!.Value, row.Type!.Value,
            bid, ask, mark, currency!.Value, forward, markIv);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$")]
    private static partial Regex SymbolPattern();
}
