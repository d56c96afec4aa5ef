namespace Analytics.Data.Indexing;

/// <summary>What one log of the exchange became: a trade, a funding observation, or an error with its reason.</summary>
public abstract record DecodedLog(long BlockNumber, string TxHash, int LogIndex)
{
    /// <summary>A trade; <paramref name="NativePriceUsd"/> is the event's index price when the underlying is the chain's native token (ETH).</summary>
    public sealed record Trade(long BlockNumber, string TxHash, int LogIndex, Ingestion.TradeRow Row, double? NativePriceUsd)
        : DecodedLog(BlockNumber, TxHash, LogIndex);

    public sealed record Funding(long BlockNumber, string TxHash, int LogIndex, Ingestion.FundingRow Row)
        : DecodedLog(BlockNumber, TxHash, LogIndex);

    public sealed record Error(long BlockNumber, string TxHash, int LogIndex, string Message)
        : DecodedLog(BlockNumber, TxHash, LogIndex);
}
