using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;

namespace Analytics.Pricing.Tests.L2;

/// <summary>
/// The L2 model at the limits of Black-Scholes-Merton where the value does not depend on σ (issue 14 item 1): T = 0 (the
/// expiry instant, worth its intrinsic value) and K = 0 (a call is the discounted forward, Haug 2007 §1.1.6 with K = 0).
/// The mid is that value settled over the withdrawal delay δ (× e^{−rδ}, PRODUCT.md §3.4 part 2), and since σ does not move
/// it, bid = mid − gas and ask = mid + gas (§3.4 part 3). Expected values are computed by hand from those formulas.
/// </summary>
public sealed class L2VanillaOptionPricerLimitTests
{
    // Arbitrum One settled on L1: δ = 168 h = 7/365 years; gas 0.02 USD per transaction, one contract.
    private static readonly L2TradeTerms OnL1 = L2TestData.Terms(L2TestData.ArbitrumOne, SettlementLayer.L1, takerFeeRate: 0.0005);
    private const double Gas = 0.02;

    [Fact]
    public void Price_ExpiryInstantInTheMoneyCall_MidIsIntrinsicSettledAndSpreadIsGas()
    {
        var option = L2TestData.Option(OnL1, spot: 3300.0, strike: 3000.0, tenorYears: 0.0, rate: 0.05);

        var result = L2VanillaOptionPricer.Default.Price(option);

        // intrinsic 300 · e^{−0.05 · 7/365} = 299.7124666476121; delta 1 · e^{−0.05 · 7/365} = 0.9990415554920403.
        Assert.Equal(299.7124666476121, result.Price, 1e-9);
        Assert.Equal(299.7124666476121 - Gas, result.Bid, 1e-9);
        Assert.Equal(299.7124666476121 + Gas, result.Ask, 1e-9);
        Assert.Equal(0.9990415554920403, result.Greeks.Delta, 1e-12);
        Assert.Equal(0.0, result.Greeks.Gamma);
        Assert.True(result.LelandNumber > 0.0 && double.IsFinite(result.LelandNumber));
    }

    [Fact]
    public void Price_ZeroStrikeCall_MidIsDiscountedForwardSettledAndSpreadIsGas()
    {
        var option = L2TestData.Option(OnL1, spot: 3000.0, strike: 0.0, tenorYears: 0.25, rate: 0.05, dividendYield: 0.01);

        var result = L2VanillaOptionPricer.Default.Price(option);

        // S·e^{(b−r)T}·e^{−rδ} = 3000 · e^{−0.01 · 0.25} · e^{−0.05 · 7/365} = 2989.6412130243766.
        Assert.Equal(2989.6412130243766, result.Price, 1e-8);
        Assert.Equal(2989.6412130243766 - Gas, result.Bid, 1e-8);
        Assert.Equal(2989.6412130243766 + Gas, result.Ask, 1e-8);
        Assert.Equal(0.0, result.Greeks.Gamma);
    }

    [Fact]
    public void Price_ZeroStrikePut_IsWorthlessWithGasSpread()
    {
        var option = L2TestData.Option(OnL1, right: OptionRight.Put, strike: 0.0);

        var result = L2VanillaOptionPricer.Default.Price(option);

        Assert.Equal(0.0, result.Price);
        Assert.Equal(-Gas, result.Bid, 1e-15);
        Assert.Equal(Gas, result.Ask, 1e-15);
    }

    [Fact]
    public void PriceMany_LimitItemsAmongOrdinaryOnes_EqualEachAloneBitForBit()
    {
        var options = new List<L2OptionInputs>
        {
            L2TestData.Option(OnL1),
            L2TestData.Option(OnL1, spot: 3300.0, tenorYears: 0.0),
            L2TestData.Option(OnL1, right: OptionRight.Put, strike: 3500.0),
            L2TestData.Option(OnL1, strike: 0.0),
            L2TestData.Option(OnL1, right: OptionRight.Put, tenorYears: 0.0, spot: 2500.0),
            L2TestData.Option(OnL1, volatility: 0.01, strike: 2900.0),
        };

        foreach (var pricer in new[] { L2VanillaOptionPricer.Default, new L2VanillaOptionPricer(VanillaOptionEngine.BjerksundStensland2002) })
        {
            var many = pricer.Price(options);

            Assert.Equal(options.Count, many.Length);
            for (int i = 0; i < options.Count; i++)
            {
                Assert.Equal(Bits(pricer.Price(options[i])), Bits(many[i]));
            }
        }

        // The T = 0 put at S = 2500, K = 3000: intrinsic 500 settled, whatever the engine.
        Assert.Equal(500.0 * 0.9990415554920403, L2VanillaOptionPricer.Default.Price(options)[4].Price, 1e-9);
    }

    private static string Bits(L2OptionResult result) => JsonSerializer.Serialize(result, Json);

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
}
