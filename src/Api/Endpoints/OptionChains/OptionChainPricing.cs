using Analytics.Api.Contracts.OptionChains;
using Analytics.Api.Contracts.Pricing;
using Analytics.Pricing;
using Analytics.Pricing.L2;

namespace Analytics.Api.Endpoints.OptionChains;

/// <summary>
/// Maps one surface slice to a priced chain: Black-76 on the slice forward (spot = F, no carry) discounted with the slice's
/// discount factor, at the slice's SVI vol per strike, through the chain's L2 cost model with default trade terms
/// (settle on the L2, one contract, hourly re-hedge, no taker fee). No maths here.
/// </summary>
internal static class OptionChainPricing
{
    public static OptionChainResponse Price(StoredSurface stored, int sliceIndex, ChainProfile chain)
    {
        var slice = stored.Surface.Slices[sliceIndex];
        var (t, forward, df) = (slice.TenorYears, slice.Forward, slice.DiscountFactor);
        var rate = -Math.Log(df) / t;
        var terms = new L2TradeTerms(chain, SettlementLayer.L2, contracts: 1, rehedgeIntervalHours: 1, takerFeeRate: 0);
        var carry = CarrySpecification.FromExplicit(0.0);
        var rows = new List<ChainStrikeResponse>();
        foreach (var strike in slice.Points.Select(p => p.Strike).Distinct().Order())
        {
            var k = Math.Log(strike / forward);
            var vol = slice.LognormalVol(k);
            if (!(vol > 0) || !double.IsFinite(vol)) continue;
            ChainOptionResponse Leg(OptionRight right)
            {
                var r = L2VanillaOptionPricer.Default.Price(new L2OptionInputs(right, forward, strike, t, vol, rate, carry, terms));
                var g = r.Greeks;
                return new ChainOptionResponse(r.Price, r.Bid, r.Ask,
                    GreeksResponse.From(g));
            }
            rows.Add(new ChainStrikeResponse(strike, k, vol, Leg(OptionRight.Call), Leg(OptionRight.Put)));
        }
        return new OptionChainResponse(stored.Underlying, slice.ExpiryUtc, chain.Id, stored.Id, stored.Surface.AsOfUtc, t, forward, df, rows);
    }
}
