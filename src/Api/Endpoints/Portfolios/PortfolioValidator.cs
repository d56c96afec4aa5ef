using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Api.Contracts.Portfolios;
using Analytics.Api.Endpoints.Surfaces;
using Analytics.Api.Errors;
using Analytics.Data.Portfolios;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Market;

namespace Analytics.Api.Endpoints.Portfolios;

/// <summary>
/// Checks a portfolio body field by field (<c>positions[i].strike</c>, <c>collateral[j].amount</c>) and reports every
/// problem at once; a valid body becomes a <see cref="PortfolioDefinition"/> plus the identifiers that must still be
/// known to the database and the configuration (<see cref="PortfolioReferences"/>, a 422 when they are not).
/// </summary>
internal static partial class PortfolioValidator
{
    public const int MaxPositions = 10_000, MaxCollateral = 100, MaxUnderlyings = 100, MaxNameLength = 200;

    /// <summary>Largest price (strike, premium, entry price), USD, and largest |quantity| or collateral amount.</summary>
    public const double MaxPriceUsd = 1e12, MaxQuantity = 1e12, MaxAmount = 1e15;

    /// <summary>Smallest non-zero magnitude of any number: below it (subnormals such as 5e-324 included) a value is refused.</summary>
    public const double MinMagnitude = 1e-12;

    /// <summary>The hour of day (UTC) a date-only expiry means: 08:00, when the crypto venues' options expire.</summary>
    public static readonly TimeSpan DateOnlyExpiryTime = ExpiryConvention.DateOnlyTimeUtc;

    public static (PortfolioDefinition Definition, PortfolioReferences References)? Validate(PortfolioRequest request, FieldErrors errors)
    {
        var references = new PortfolioReferences();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("name", "is required: 1–200 characters.");
        else if (name.Length > MaxNameLength) errors.Add("name", $"has {name.Length} characters; at most {MaxNameLength}.");

        var positions = new List<PortfolioPosition>();
        if (request.Positions is { } rows)
        {
            if (rows.Count > MaxPositions) errors.Add("positions", $"has {rows.Count} positions; at most {MaxPositions}.");
            else
                for (var i = 0; i < rows.Count; i++)
                    if (Position(rows[i], i, errors, references) is { } position) positions.Add(position);
            var distinct = positions.Select(p => p.Underlying).Distinct(StringComparer.Ordinal).Count();
            if (distinct > MaxUnderlyings) errors.Add("positions", $"spans {distinct} underlyings; at most {MaxUnderlyings}.");
        }

        var collateral = new List<CollateralHolding>();
        if (request.Collateral is { } holdings)
        {
            if (holdings.Count > MaxCollateral) errors.Add("collateral", $"has {holdings.Count} entries; at most {MaxCollateral}.");
            else
                for (var j = 0; j < holdings.Count; j++)
                    if (Collateral(holdings[j], j, errors, references) is { } holding) collateral.Add(holding);
        }
        return errors.IsEmpty ? (new PortfolioDefinition(name!, positions, collateral), references) : null;
    }

    private static PortfolioPosition? Position(PortfolioPositionRequest? row, int i, FieldErrors errors, PortfolioReferences references)
    {
        if (row is null) { errors.Add($"positions[{i}]", "is null: give an object with at least kind, underlying and quantity."); return null; }
        var prefix = $"positions[{i}].";
        var e = new FieldErrors(prefix);
        if (row.Kind is null) e.Add("kind", "is required: option, perp or spot.");
        var underlying = SurfaceFitValidator.Underlying(row.Underlying, e);
        var quantity = Quantity(e, row.Quantity);
        var chain = Identifier(e, "chain", row.Chain, ChainPattern(), "a chain id such as arbitrum-one") is { } c ? Identifiers.Chain(c) : null;
        var venue = Identifier(e, "venue", row.Venue, NamePattern(), "1–64 letters, digits, '.', '_' or '-'") is { } v ? Identifiers.Venue(v) : null;

        PortfolioPosition? position = null;
        switch (row.Kind)
        {
            case PortfolioPositionKind.Option:
                if (row.Type is null) e.Add("type", "is required for options: call or put.");
                var strike = Price(e, "strike", row.Strike, required: true);
                var expiry = Expiry(e, row.Expiry);
                if (chain is null && row.Chain is null) e.Add("chain", "is required for options: a chain id from the Chains configuration, e.g. arbitrum-one.");
                var premium = Premium(e, row.Premium);
                NotFor(e, "market", row.Market is not null, "perps");
                NotFor(e, "entryPrice", row.EntryPrice is not null, "perps and spot (an option's price is `premium`)");
                if (e.IsEmpty)
                    position = PortfolioPosition.Option(underlying!, row.Type!.Value, row.Style ?? OptionExerciseStyle.European,
                        row.Settlement ?? OptionSettlement.Cash, strike!.Value, expiry!.Value, quantity!.Value, chain!, venue, premium);
                break;
            case PortfolioPositionKind.Perp:
                OptionFieldsAbsent(e, row);
                var market = Identifier(e, "market", row.Market, NamePattern(), "1–64 letters, digits, '.', '_' or '-'");
                var entry = Price(e, "entryPrice", row.EntryPrice, required: true);
                if (e.IsEmpty)
                    position = PortfolioPosition.Perpetual(underlying!, quantity!.Value, market ?? $"{underlying}-PERP", entry!.Value, chain, venue);
                break;
            case PortfolioPositionKind.Spot:
                OptionFieldsAbsent(e, row);
                NotFor(e, "market", row.Market is not null, "perps");
                var spotEntry = Price(e, "entryPrice", row.EntryPrice, required: false);
                if (e.IsEmpty) position = PortfolioPosition.Spot(underlying!, quantity!.Value, spotEntry, chain, venue);
                break;
        }
        Merge(e, errors);
        if (position is null) return null;
        references.Underlying(prefix + "underlying", position.Underlying);
        if (position.Chain is not null) references.Chain(prefix + "chain", position.Chain);
        return position;
    }

    private static CollateralHolding? Collateral(CollateralRequest? row, int j, FieldErrors errors, PortfolioReferences references)
    {
        if (row is null) { errors.Add($"collateral[{j}]", "is null: give { asset, amount }."); return null; }
        var e = new FieldErrors($"collateral[{j}].");
        var asset = SurfaceFitValidator.Underlying(row.Asset, e, "asset");
        double? amount = null;
        if (row.Amount is null) e.Add("amount", "is required: units of the asset, ≥ 0.");
        else if (!double.IsFinite(row.Amount.Value) || row.Amount < 0 || row.Amount > MaxAmount || (row.Amount != 0 && row.Amount < MinMagnitude))
            e.Add("amount", $"must be 0 or a finite number from {MinMagnitude} to {MaxAmount} (units of the asset); got {Show(row.Amount.Value)}.");
        else amount = row.Amount;
        Merge(e, errors);
        if (!e.IsEmpty) return null;
        var holding = new CollateralHolding(asset!, amount!.Value);
        if (!holding.IsUsd) references.Asset($"collateral[{j}].asset", holding.Asset);
        return holding;
    }

    private static void OptionFieldsAbsent(FieldErrors e, PortfolioPositionRequest row)
    {
        NotFor(e, "type", row.Type is not null, "options");
        NotFor(e, "style", row.Style is not null, "options");
        NotFor(e, "settlement", row.Settlement is not null, "options");
        NotFor(e, "strike", row.Strike is not null, "options");
        NotFor(e, "expiry", row.Expiry is not null, "options");
        NotFor(e, "premium", row.Premium is not null, "options (a perp or spot position carries `entryPrice`)");
    }

    private static void NotFor(FieldErrors e, string field, bool given, string appliesTo)
    {
        if (given) e.Add(field, $"applies to {appliesTo} only; leave it out for this kind.");
    }

    private static double? Quantity(FieldErrors e, double? value)
    {
        if (value is not { } q) { e.Add("quantity", "is required: signed units (negative = short), non-zero."); return null; }
        if (double.IsFinite(q) && Math.Abs(q) >= MinMagnitude && Math.Abs(q) <= MaxQuantity) return q;
        e.Add("quantity", $"must be finite and non-zero with {MinMagnitude} ≤ |quantity| ≤ {MaxQuantity} (units of the underlying); got {Show(q)}.");
        return null;
    }

    private static double? Price(FieldErrors e, string field, double? value, bool required)
    {
        if (value is not { } p)
        {
            if (required) e.Add(field, "is required (USD, > 0).");
            return null;
        }
        if (double.IsFinite(p) && p >= MinMagnitude && p <= MaxPriceUsd) return p;
        e.Add(field, $"must be a finite number from {MinMagnitude} to {MaxPriceUsd} (USD); got {Show(p)}.");
        return null;
    }

    private static double? Premium(FieldErrors e, double? value)
    {
        if (value is not { } p) return null;
        if (double.IsFinite(p) && (p == 0 || (p >= MinMagnitude && p <= MaxPriceUsd))) return p;
        e.Add("premium", $"must be 0 or a finite number from {MinMagnitude} to {MaxPriceUsd} (USD per option; the sign comes from quantity); got {Show(p)}.");
        return null;
    }

    private static DateTimeOffset? Expiry(FieldErrors e, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) { e.Add("expiry", "is required for options: an ISO-8601 instant (2026-12-25T08:00:00Z) or a UTC date (2026-12-25)."); return null; }
        DateTimeOffset instant;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            instant = new DateTimeOffset(date.ToDateTime(TimeOnly.FromTimeSpan(DateOnlyExpiryTime)), TimeSpan.Zero);
        else if (!InstantPattern().IsMatch(text)
                 || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant))
        {
            e.Add("expiry", $"'{Clip(text)}' is neither an ISO-8601 instant (2026-12-25T08:00:00Z) nor a date (yyyy-MM-dd).");
            return null;
        }
        if (instant >= FieldErrors.EarliestInstant && instant < FieldErrors.LatestInstant) return instant.ToUniversalTime();
        e.Add("expiry", $"must be from {FieldErrors.EarliestInstant:yyyy-MM-dd} and before {FieldErrors.LatestInstant:yyyy-MM-dd}; got {Clip(text)}.");
        return null;
    }

    private static string? Identifier(FieldErrors e, string field, string? value, Regex pattern, string expected)
    {
        if (value is null) return null;
        var trimmed = value.Trim();
        if (pattern.IsMatch(trimmed)) return trimmed;
        e.Add(field, $"'{Clip(value)}' is not valid: {expected}.");
        return null;
    }

    private static void Merge(FieldErrors from, FieldErrors into)
    {
        foreach (var (field, messages) in from.ToDictionary())
            foreach (var message in messages) into.Add(field, message);
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex ChainPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex InstantPattern();
}
