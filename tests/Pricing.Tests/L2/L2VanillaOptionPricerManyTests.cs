using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;

namespace Analytics.Pricing.Tests.L2;

/// <summary>
/// <see cref="L2VanillaOptionPricer.Price(IReadOnlyList{L2OptionInputs})"/>, the option chain's path: pricing many options
/// at once (on the SIMD batch kernel for the closed-form European engine) gives, option by option, the bits that
/// pricing each alone gives. The reference is the one-option method, an independent code path (scalar engine calls).
/// </summary>
public sealed class L2VanillaOptionPricerManyTests
{
    /// <summary>
    /// A grid over the cases the model branches on: gas and fees (Leland vols move or not), a bid floor (tiny vol, costly
    /// gas), L1 settlement (a delay in the discounting), funding and explicit carry, both rights, wings and short tenors.
    /// </summary>
    private static List<L2OptionInputs> Grid()
    {
        var options = new List<L2OptionInputs>();
        var chains = new[] { L2TestData.Ethereum, L2TestData.ArbitrumOne, L2TestData.ZkSyncEra, L2TestData.ArbitrumOne.WithOverrides(gasCostUsd: 0.0) };
        var carries = new[] { CarrySpecification.FromRates(0.05, 0.0), CarrySpecification.FromFunding(0.11), CarrySpecification.FromExplicit(-0.02) };
        foreach (var chain in chains)
        foreach (var settlement in new[] { SettlementLayer.L2, SettlementLayer.L1 })
        foreach (var carry in carries)
        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
        foreach (var strike in new[] { 1500.0, 2900.0, 3000.0, 3300.0, 6000.0 })
        foreach (var (tenorYears, vol) in new[] { (1.0 / 365.0, 0.9), (0.25, 0.7), (2.0, 0.45), (0.5, 0.01) })
        {
            var terms = L2TestData.Terms(chain, settlement, takerFeeRate: chain.GasCostUsd == 0.0 ? 0.0 : 0.0005);
            options.Add(new L2OptionInputs(right, 3000.0, strike, tenorYears, vol, 0.05, carry, terms));
        }

        return options;
    }

    [Fact]
    public void PriceMany_ClosedFormEuropeanEngine_EqualsEachOptionAloneBitForBit()
    {
        var options = Grid();
        Assert.Contains(options, o => L2VanillaOptionPricer.Default.Price(o).BidFloorHit);
        Assert.Contains(options, o => L2VanillaOptionPricer.Default.Price(o).VolAsk == o.Volatility);

        var many = L2VanillaOptionPricer.Default.Price(options);

        Assert.Equal(options.Count, many.Length);
        for (int i = 0; i < options.Count; i++)
        {
            Assert.Equal(Bits(L2VanillaOptionPricer.Default.Price(options[i])), Bits(many[i]));
        }
    }

    [Fact]
    public void PriceMany_AmericanEngine_EqualsEachOptionAloneBitForBit()
    {
        var pricer = new L2VanillaOptionPricer(VanillaOptionEngine.BjerksundStensland2002);
        var options = Grid().Where((_, i) => i % 7 == 0).ToList();

        var many = pricer.Price(options);

        for (int i = 0; i < options.Count; i++)
        {
            Assert.Equal(Bits(pricer.Price(options[i])), Bits(many[i]));
        }
    }

    /// <summary>Every field as round-trip text, so −0 and 0 (equal as doubles) and NaNs are told apart.</summary>
    private static string Bits(L2OptionResult result) => JsonSerializer.Serialize(result, Json);

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Fact]
    public void PriceMany_Empty_ReturnsEmpty() => Assert.Empty(L2VanillaOptionPricer.Default.Price([]));
}
