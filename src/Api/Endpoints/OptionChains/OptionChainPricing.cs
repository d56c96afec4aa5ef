using Analytics.Api.Contracts.OptionChains;
using Analytics.Api.Contracts.Pricing;
using Analytics.Pricing;
using Analytics.Pricing.L2;

namespace Analytics.Api.Endpoints.OptionChains;

/// <summary>
/// Maps one surface slice to a priced chain: Black-76 on the slice forward (spot = F, no carry) discounted with the slice's
/// discount factor, at the slice's SVI vol per strike, through the chain's L2 cost model with default trade terms
/// (settle on the L2, one contract, hourly re-hedge, no taker fee). Every strike and right is priced in one call of the
/// L2 pricer, which values them together on the SIMD batch kernel. No maths here.
/// </summary>
internal static class OptionChainPricing
{
    public static OptionChainResponse Price(StoredSurface stored, int sliceIndex, ChainProfile chain, GreekUnits greekUnits)
    {
        var slice = stored.Surface.Slices[sliceIndex];
        var (t, forward, df) = (slice.TenorYears, slice.Forward, slice.DiscountFactor);
        var rate = -Math.Log(df) / t;
        var terms = new L2TradeTerms(chain, SettlementLayer.L2, contracts: 1, rehedgeIntervalHours: 1, takerFeeRate: 0);
        var carry = CarrySpecification.FromExplicit(0.0);
        var strikes = new List<(double Strike, double LogMoneyness, double Vol)>();
        var inputs = new List<L2OptionInputs>();
        foreach (var strike in slice.Points.Select(p => p.Strike).Distinct().Order())
        {
            var k = Math.Log(strike / forward);
            var vol = slice.LognormalVol(k);
            if (!(vol > 0) || !double.IsFinite(vol)) continue;
            strikes.Add((strike, k, vol));
            inputs.Add(new L2OptionInputs(OptionRight.Call, forward, strike, t, vol, rate, carry, terms));
            inputs.Add(new L2OptionInputs(OptionRight.Put, forward, strike, t, vol, rate, carry, terms));
        }

        var priced = L2VanillaOptionPricer.Default.Price(inputs);
        var rows = strikes.Select((s, i) => new ChainStrikeResponse(s.Strike, s.LogMoneyness, s.Vol, Leg(priced[2 * i], greekUnits), Leg(priced[2 * i + 1], greekUnits)))
            .ToList();
        return new OptionChainResponse(stored.Underlying, slice.ExpiryUtc, chain.Id, stored.Id, stored.Surface.AsOfUtc, t, forward, df, rows, stored.Surface.Model, greekUnits);
    }

    private static ChainOptionResponse Leg(L2OptionResult r, GreekUnits greekUnits) =>
        new(r.Price, r.Bid, r.Ask, GreeksResponse.From(GreekUnitConversion.Convert(r.Greeks, greekUnits)));
}
