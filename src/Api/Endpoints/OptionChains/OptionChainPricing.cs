using Analytics.Api.Contracts.OptionChains;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Endpoints.Surfaces;
using Analytics.Data.Telemetry;
using Analytics.Pricing;
using Analytics.Pricing.L2;
using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Endpoints.OptionChains;

/// <summary>
/// Maps one surface slice and its listed strikes to a priced chain: Black-76 on the slice forward (spot = F, no carry)
/// discounted with the slice's discount factor, at the surface vol of each strike, through the L2 cost model that
/// POST /options/price runs for an <c>l2</c> block (<see cref="L2VanillaOptionPricer"/> over the default European engine,
/// settling on the L2) with the query's trade terms; without a chain, through the same pricer with frictionless terms,
/// whose mid is the plain price bit for bit, and no bid or ask is reported. Every strike and right is priced in one call
/// of the L2 pricer, which values them together on the SIMD batch kernel. Premiums in the underlying are
/// <see cref="InversePremium"/> of the USD figures on the forward. No maths here.
/// </summary>
internal static class OptionChainPricing
{
    /// <summary>A profile without any cost, for the chain without <c>chain</c>: only its mid and Greeks are reported.</summary>
    private static readonly L2TradeTerms NoL2Costs =
        L2TradeTerms.Frictionless(new ChainProfile("none", "No L2 costs", RollupKind.L1, 0, 0, 0, 0, "The option chain without `chain`."));

    public static OptionChainResponse Price(
        StoredSurface stored, int sliceIndex, IReadOnlyList<double> listedStrikes, ListedStrikeSource strikeSource, OptionChainQuery query)
    {
        var slice = stored.Surface.Slices[sliceIndex];
        var (t, forward, df) = (slice.TenorYears, slice.Forward, slice.DiscountFactor);
        var rate = -Math.Log(df) / t;
        var terms = query.Terms ?? NoL2Costs;
        var carry = CarrySpecification.FromExplicit(0.0);
        var strikes = new List<(double Strike, double LogMoneyness, double Vol)>();
        var unpriced = new List<double>();
        var inputs = new List<L2OptionInputs>();
        foreach (var strike in listedStrikes.Where(s => s > 0 && double.IsFinite(s)).Distinct().Order())
        {
            var k = Math.Log(strike / forward);
            var vol = slice.LognormalVol(k);
            if (!(vol > 0) || !double.IsFinite(vol))
            {
                unpriced.Add(strike);
                continue;
            }

            strikes.Add((strike, k, vol));
            inputs.Add(new L2OptionInputs(OptionRight.Call, forward, strike, t, vol, rate, carry, terms));
            inputs.Add(new L2OptionInputs(OptionRight.Put, forward, strike, t, vol, rate, carry, terms));
        }

        var priced = L2VanillaOptionPricer.Default.Price(inputs);
        foreach (var engine in priced.CountBy(r => r.EngineId)) AnalyticsMetrics.CountPriced(engine.Key, "chain", engine.Value);
        var withL2 = query.Terms is not null;
        var rows = strikes.Select((s, i) => new ChainStrikeResponse(
                s.Strike, s.LogMoneyness, s.Vol,
                Leg(priced[2 * i], withL2, query, forward),
                Leg(priced[2 * i + 1], withL2, query, forward),
                SurfaceMapping.Extrapolation(SurfaceExtrapolation.Describe(stored.Surface, s.LogMoneyness, t))))
            .ToList();
        var first = priced.Length > 0 ? priced[0] : null;
        return new OptionChainResponse(
            stored.Underlying, slice.ExpiryUtc, query.Terms?.Chain.Id, stored.Id, stored.Surface.AsOfUtc, t, forward, df, rows, stored.Surface.Model,
            strikeSource, query.PremiumCurrency, query.GreekUnits,
            Contracts: query.Terms?.Contracts,
            RehedgeIntervalHours: query.Terms?.RehedgeIntervalHours,
            TakerFeeRate: query.Terms?.TakerFeeRate,
            GasPerContractUsd: query.Terms?.GasPerContractUsd,
            RoundTripCostRate: withL2 ? first?.RoundTripCostRate : null,
            UnpricedStrikes: unpriced.Count > 0 ? unpriced : null,
            Gas: withL2 ? query.Gas : null,
            GasCostUsd: query.Terms?.Chain.GasCostUsd);
    }

    /// <summary>
    /// One option of a row in the wanted premium currency (<see cref="InversePremium"/> on the forward for the underlying)
    /// and Greek units.
    /// </summary>
    private static ChainOptionResponse Leg(L2OptionResult r, bool withL2, OptionChainQuery query, double forward)
    {
        var inUnderlying = query.PremiumCurrency == PremiumCurrency.Underlying;
        double Premium(double usd) => inUnderlying ? InversePremium.Value(usd, forward) : usd;
        var greeks = GreekUnitConversion.Convert(inUnderlying ? InversePremium.Of(r.Price, r.Greeks, forward) : r.Greeks, query.GreekUnits);
        return withL2
            ? new ChainOptionResponse(Premium(r.Price), Premium(r.Bid), Premium(r.Ask), GreeksResponse.From(greeks), r.VolBid, r.VolAsk, r.LelandNumber, r.BidFloorHit)
            : new ChainOptionResponse(Premium(r.Price), null, null, GreeksResponse.From(greeks));
    }
}
