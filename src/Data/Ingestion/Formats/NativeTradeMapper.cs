using Analytics.Data.Market;

namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// Our trade row shape (API.md): <c>chain, venue, txHash, logIndex, blockNumber, timestamp, kind, underlying,
/// expiry, strike, type, style, settlement, market, side, price, size, feeUsd, indexPrice, premiumCurrency</c>,
/// and <c>underlyingPrice</c> (the expiry's forward, USD) when <c>premiumCurrency</c> is <c>underlying</c>.
/// </summary>
public sealed class NativeTradeMapper : IRowMapper<TradeRow>
{
    public IReadOnlyCollection<string> RequiredColumns { get; } =
        ["chain", "venue", "txHash", "logIndex", "blockNumber", "timestamp", "kind", "side", "price", "size"];

    public TradeRow? Map(FieldReader f)
    {
        var chain = f.Text("chain", maxLength: 64) is { } c ? Identifiers.Chain(c) : null;
        var venue = f.Text("venue", maxLength: 64) is { } v ? Identifiers.Venue(v) : null;
        var txHash = f.Text("txHash")?.ToLowerInvariant();
        var logIndex = f.Integer("logIndex", true, 0, int.MaxValue);
        var block = f.Integer("blockNumber", true);
        var timestamp = f.Instant("timestamp");
        var kind = f.Choice("kind", RowVocabulary.Kind);
        InstrumentIdentity? instrument = null;
        if (kind == InstrumentIdentity.OptionKind)
            instrument = OptionIdentityFields.Read(f, f.Text("underlying", maxLength: 32));
        else if (kind == InstrumentIdentity.PerpKind && f.Text("market", maxLength: 64) is { } market)
            instrument = InstrumentIdentity.Perp(f.Text("underlying", required: false, maxLength: 32) ?? market.Split('-')[0], market);
        var side = f.Choice("side", RowVocabulary.Side);
        var price = f.Decimal("price", true, 0m, minExclusive: true);
        var size = f.Decimal("size", true, 0m, minExclusive: true, unit: "units of the underlying");
        var fee = f.Decimal("feeUsd", false);
        var index = f.Double("indexPrice", false, 0, minExclusive: true, unit: "USD");
        var currency = f.Choice("premiumCurrency", RowVocabulary.PremiumCurrency, "usd");
        var forward = UsdPremium.Forward(f, currency);
        if (f.HasErrors) return null;
        var priceUsd = currency == "underlying" ? price!.Value * (decimal)forward!.Value : price!.Value;
        return new TradeRow(chain!, venue!, txHash!, (int)logIndex!.Value, block!.Value, timestamp!.Value, instrument!, side!,
            price.Value, priceUsd, size!.Value, fee, index, currency!);
    }
}
