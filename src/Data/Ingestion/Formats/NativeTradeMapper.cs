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
        var chain = f.Identifier("chain", IdentifierKind.Chain);
        var venue = f.Identifier("venue", IdentifierKind.Venue);
        var txHash = f.Identifier("txHash", IdentifierKind.TxHash);
        var logIndex = f.Integer("logIndex", true, 0, int.MaxValue);
        var block = f.Integer("blockNumber", true);
        var timestamp = f.Instant("timestamp");
        var kind = f.Choice("kind", RowVocabulary.Kind);
        InstrumentIdentity? instrument = null;
        if (kind == InstrumentIdentity.OptionKind)
            instrument = OptionIdentityFields.Read(f, f.Identifier("underlying", IdentifierKind.Underlying));
        else if (kind == InstrumentIdentity.PerpKind && f.Identifier("market", IdentifierKind.Market) is { } market)
            instrument = InstrumentIdentity.Perp(f.Identifier("underlying", IdentifierKind.Underlying, required: false) ?? market.Split('-')[0], market);
        var side = f.Choice("side", RowVocabulary.Side);
        var price = f.Decimal("price", true, 0m, minExclusive: true);
        var size = f.Decimal("size", true, 0m, minExclusive: true, unit: "units of the underlying");
        var fee = f.Decimal("feeUsd", false, 0m, unit: "USD, ≥ 0");
        var index = f.Double("indexPrice", false, 0, minExclusive: true, unit: "USD");
        var currency = f.Choice("premiumCurrency", RowVocabulary.PremiumCurrency, "usd");
        var forward = UsdPremium.Forward(f, currency);
        if (f.HasErrors) return null;
        var priceUsd = currency == "underlying" ? price!.Value * (decimal)forward!.Value : price!.Value;
        return new TradeRow(chain!, venue!, txHash!, (int)logIndex!.Value, block!.Value, timestamp!.Value, instrument!, side!,
            price.Value, priceUsd, size!.Value, fee, index, currency!);
    }
}
