using Analytics.Pricing.Batch;
using Analytics.Pricing.Black;

namespace Analytics.Pricing.Market;

/// <summary>
/// The one mapping from an <see cref="OptionContract"/> and its <see cref="OptionMarket"/> to the pricers' input
/// records: <see cref="BlackVanillaOptionInputs"/> for one option, <see cref="BlackScholesBatchInputColumns"/> for a
/// batch. The tenor is <see cref="YearFraction.Act365F"/> from the market's valuation instant to the contract's expiry.
/// </summary>
public static class OptionInputs
{
    /// <summary>
    /// Generalised Black-Scholes-Merton inputs (Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007,
    /// §1.1.6) of <paramref name="contract"/> in <paramref name="market"/>. The exercise style and settlement are not part
    /// of these inputs: the caller picks the engine by style.
    /// </summary>
    /// <param name="contract">Option terms.</param>
    /// <param name="market">Market at the valuation instant.</param>
    /// <returns>The validated inputs.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The option has expired (tenor ≤ 0) at the valuation instant.</exception>
    public static BlackVanillaOptionInputs ToBlackInputs(OptionContract contract, OptionMarket market)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(market);
        return new BlackVanillaOptionInputs(
            contract.Right, market.Spot, contract.Strike, contract.TenorYears(market.ValuationUtc), market.LognormalVol, market.Rate,
            market.CostOfCarry, market.CarryConvention);
    }

    /// <summary>
    /// Batch-kernel columns of <paramref name="contracts"/>[i] in <paramref name="markets"/>[i] (element i of every
    /// column is option i, as <see cref="ToBlackInputs"/> maps it), for <see cref="BlackScholesBatch"/> and
    /// <see cref="BlackVanillaBatchPricer"/>.
    /// </summary>
    /// <param name="contracts">Option terms.</param>
    /// <param name="markets">Their markets, one per contract, all with the same carry convention.</param>
    /// <returns>New heap-backed columns.</returns>
    /// <exception cref="ArgumentNullException">An argument or element is null.</exception>
    /// <exception cref="ArgumentException">The lists differ in length, or the carry conventions differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option has expired at its valuation instant.</exception>
    public static BlackScholesBatchInputColumns ToBatchColumns(IReadOnlyList<OptionContract> contracts, IReadOnlyList<OptionMarket> markets)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(markets);
        int n = contracts.Count;
        if (markets.Count != n)
        {
            throw new ArgumentException("Give one market per contract.", nameof(markets));
        }

        var convention = n == 0 ? CarryConvention.Fixed : markets[0].CarryConvention;
        var (spot, strike, tenor, vol) = (new double[n], new double[n], new double[n], new double[n]);
        var (rate, carry, isCall) = (new double[n], new double[n], new bool[n]);
        for (int i = 0; i < n; i++)
        {
            var inputs = ToBlackInputs(contracts[i], markets[i]);
            if (inputs.CarryConvention != convention)
            {
                throw new ArgumentException("A batch has one carry convention; split the options by convention.", nameof(markets));
            }

            (spot[i], strike[i], tenor[i], vol[i]) = (inputs.Spot, inputs.Strike, inputs.TenorYears, inputs.Volatility);
            (rate[i], carry[i], isCall[i]) = (inputs.Rate, inputs.CostOfCarry, inputs.Right == OptionRight.Call);
        }

        return new BlackScholesBatchInputColumns(spot, strike, tenor, vol, rate, carry, isCall, convention);
    }
}
