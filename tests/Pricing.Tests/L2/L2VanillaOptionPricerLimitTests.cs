using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;

namespace Analytics.Pricing.Tests.L2;

/// <summary>
/// The L2 model at the limits of Black-Scholes-Merton where the value does not depend on σ (issue 14 item 1): T = 0 (the
/// expiry instant, worth its intrinsic value), K = 0 (a call is the discounted forward, Haug 2007 §1.1.6 with K = 0), σ = 0
/// (the discounted intrinsic value of the forward; American: the best exercise time) and S = 0 (a put is the discounted strike).
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
        Assert.True(result.LelandNumber > 0.0 && double.IsFinite(result.LelandNumber!.Value));
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
    public void Price_ZeroVolCallInTheMoneyForward_IsDiscountedIntrinsicOfTheForwardWithGasSpreadAndNoLelandNumber()
    {
        // σ = 0: S_t follows its forward, so V = max(S·e^{(b−r)T} − K·e^{−rT}, 0) (Merton 1973's lower bound, the σ → 0 limit of
        // Haug 2007 §1.1.6). Leland's adjusted variance σ² ± σ·sqrt(2/π)·k/sqrt(Δt) → 0 with σ, so the hedging cost vanishes.
        var option = L2TestData.Option(OnL1, spot: 3000.0, strike: 2900.0, tenorYears: 0.25, volatility: 0.0, rate: 0.05, dividendYield: 0.01);

        var result = L2VanillaOptionPricer.Default.Price(option);

        // (3000·e^{−0.01·0.25} − 2900·e^{−0.05·0.25})·e^{−0.05·7/365} = 128.41055329741275; delta e^{−0.01·0.25}·e^{−0.05·7/365}.
        Assert.Equal(128.41055329741275, result.Price, 1e-9);
        Assert.Equal(128.41055329741275 - Gas, result.Bid, 1e-9);
        Assert.Equal(128.41055329741275 + Gas, result.Ask, 1e-9);
        Assert.Equal(0.9965470710081256, result.Greeks.Delta, 1e-12);
        Assert.Equal(0.0, result.Greeks.Gamma);
        Assert.Null(result.LelandNumber);
        Assert.Equal(0.0, result.VolBid);
        Assert.Equal(0.0, result.VolAsk);
        Assert.False(result.BidFloorHit);
        Assert.Equal(Analytics.Pricing.Limits.VanillaOptionLimit.ZeroVolatility, result.Limit);
    }

    [Fact]
    public void Price_ZeroVolAmericanPutInTheMoney_IsImmediateExerciseSettled()
    {
        // σ = 0, b = r = 5 %: g(t) = e^{−rt}·(K − S·e^{rt}) = K·e^{−rt} − S falls with t, so the holder exercises now: 100 − 90 = 10
        // (the European value 100·e^{−0.0125} − 90 = 8.758 is less). Settled on L1: 10·e^{−0.05·7/365} = 9.990415554920403.
        var option = L2TestData.Option(OnL1, right: OptionRight.Put, spot: 90.0, strike: 100.0, tenorYears: 0.25, volatility: 0.0, rate: 0.05);

        var result = new L2VanillaOptionPricer(VanillaOptionEngine.BjerksundStensland2002).Price(option);

        Assert.Equal(9.990415554920403, result.Price, 1e-12);
        Assert.Equal(9.990415554920403 - Gas, result.Bid, 1e-12);
        Assert.Equal(9.990415554920403 + Gas, result.Ask, 1e-12);
        Assert.Equal(-0.9990415554920403, result.Greeks.Delta, 1e-12);
        Assert.Null(result.LelandNumber);
        Assert.Equal(Analytics.Pricing.Limits.VanillaOptionLimit.ZeroVolatility, result.Limit);
    }

    [Fact]
    public void Price_ZeroSpotPut_IsDiscountedStrikeSettledAndNothingIsHedged()
    {
        // S = 0 is absorbing for geometric Brownian motion: a European put pays K, worth K·e^{−rT} (Haug 2007 §1.1.6 with S → 0).
        // 3000·e^{−0.05·0.25}·e^{−0.05·7/365} = 2959.8937859244456. The hedge notional contracts·S is 0: neither k nor Le exist.
        var option = L2TestData.Option(OnL1, right: OptionRight.Put, spot: 0.0, strike: 3000.0, tenorYears: 0.25, rate: 0.05);

        var result = L2VanillaOptionPricer.Default.Price(option);

        Assert.Equal(2959.8937859244456, result.Price, 1e-8);
        Assert.Equal(2959.8937859244456 - Gas, result.Bid, 1e-8);
        Assert.Equal(2959.8937859244456 + Gas, result.Ask, 1e-8);
        Assert.Null(result.LelandNumber);
        Assert.Null(result.RoundTripCostRate);
        Assert.Equal(0.7, result.VolBid);
        Assert.Equal(0.7, result.VolAsk);
        Assert.Equal(Analytics.Pricing.Limits.VanillaOptionLimit.ZeroSpot, result.Limit);
        Assert.Equal(0.0, L2VanillaOptionPricer.Default.Price(option with { Right = OptionRight.Call }).Price);
    }

    [Fact]
    public void Price_ZeroSpotWithAHedgeNotional_ReportsTheRoundTripCostButNoLelandNumber()
    {
        var terms = L2TestData.Terms(L2TestData.ArbitrumOne, SettlementLayer.L1, takerFeeRate: 0.0005, hedgeNotionalUsd: 1e6);
        var option = L2TestData.Option(terms, right: OptionRight.Put, spot: 0.0, strike: 3000.0, tenorYears: 0.25, rate: 0.05);

        var result = L2VanillaOptionPricer.Default.Price(option);

        // k = 2·(0.0005 + 0.02/1e6) = 0.00100004.
        Assert.Equal(0.00100004, result.RoundTripCostRate!.Value, 1e-17);
        Assert.Null(result.LelandNumber);
        Assert.Equal(2959.8937859244456, result.Price, 1e-8);
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
            L2TestData.Option(OnL1, volatility: 0.0, strike: 2900.0),
            L2TestData.Option(OnL1, right: OptionRight.Put, spot: 0.0),
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
