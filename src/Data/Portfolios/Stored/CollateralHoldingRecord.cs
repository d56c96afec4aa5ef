namespace Analytics.Data.Portfolios.Stored;

/// <summary>One stored collateral holding (the <c>CollateralJson</c> column of <c>portfolio_versions</c>).</summary>
/// <param name="Asset">Asset symbol, upper case.</param>
/// <param name="Amount">Units of the asset.</param>
internal sealed record CollateralHoldingRecord(string Asset, double Amount);
