using Analytics.Api.Contracts.Chains;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Endpoints.Surfaces;
using Analytics.Pricing;
using Analytics.Pricing.L2;

namespace Analytics.Api.Endpoints.Chains;

/// <summary>
/// Maps one surface slice to a priced chain: Black-76 on the slice forward (spot = F, no carry) discounted with the slice's
/// discount factor, at the slice's SVI vol per strike, through the chain's L2 cost model with default trade terms
/// (settle on the L2, one contract, hourly re-hedge, no taker fee). No maths here.
/// </summary>
internal static class OptionChainPricing
{
    public static OptionChainResponse Price(LoadedSurface loaded, int sliceIndex, ChainProfile chain)
    {
        var slice = loaded.Surface.Slices[sliceIndex];
        var (t, forward, df) = (slice.TenorYears, slice.Forward, slice.DiscountFactor);
        var rate = -Math.Log(df) / t;
        var terms = new L2TradeTerms(chain, SettlementLayer.L2, contracts: 1, rehedgeIntervalHours: 1, takerFeeRate: 0);
        var carry = CarrySpecification.FromExplicit(0.0);
        var rows = new List<ChainStrikeResponse>();
        foreach (var strike in loaded.Response.Slices[sliceIndex].Points.Select(p => p.Strike).Distinct().Order())
        {
            var k = Math.Log(strike / forward);
            var vol = Math.Sqrt(Math.Max(slice.Parameters.TotalVariance(k), 0.0) / t);
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
        var stored = loaded.Response;
        return new OptionChainResponse(stored.Underlying, slice.ExpiryUtc, chain.Id, stored.Id, stored.AsOf, t, forward, df, rows);
    }
}
