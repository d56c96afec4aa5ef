using System.Collections.Immutable;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;
using Analytics.Pricing.Limits;

namespace Analytics.Pricing.Structures;

/// <summary>
/// The structure calculator (STYLE.md: formula → contract pricer → structure calculator): prices every leg with the
/// contract pricer (<see cref="L2VanillaOptionPricer"/> over the leg's engine), sums them quantity-weighted into the
/// net premium and position Greeks, and analyses the payoff at the first expiry (PRODUCT.md §3.3). With an L2 block
/// every leg carries the carry and settlement-delay adjustments, and the structure's bid and ask follow §3.4:
/// the Leland side is chosen once by the sign of the net gamma, each side's hedging cost is applied as a non-negative
/// amount around the mid (so bid ≤ mid ≤ ask, <see cref="StructureL2Quote.FromSides"/>) and gas is paid once for the
/// single transaction.
/// References: Hull, <i>Options, Futures, and Other Derivatives</i>, 8th ed. 2012, ch. 12 (strategies); Leland,
/// <i>J. Finance</i> 40(5), 1985; Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §1.1.6.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class StructurePricer
{
    /// <summary>The shared instance over the registry's default engine per style (<see cref="EngineRegistry.DefaultFor"/>):
    /// Black-Scholes-Merton for European legs, the Andersen-Lake-Offengenden fixed-point engine (<c>qd-fp</c>) for American.</summary>
    public static readonly StructurePricer Default = new(
        VanillaOptionEngine.DefaultFor(OptionExerciseStyle.European), VanillaOptionEngine.DefaultFor(OptionExerciseStyle.American));

    /// <summary>A profile without any friction, used when no L2 block is given.</summary>
    private static readonly L2TradeTerms NoChain = L2TradeTerms.Frictionless(
        new ChainProfile("none", "No chain", RollupKind.L1, 0.0, 0.0, 0.0, 0.0, "no L2 adjustment"));

    private readonly L2VanillaOptionPricer _europeanPricer;
    private readonly L2VanillaOptionPricer _americanPricer;

    /// <summary>Creates a calculator over two engines.</summary>
    /// <param name="europeanEngine">Engine for European legs.</param>
    /// <param name="americanEngine">Engine for American legs.</param>
    /// <exception cref="ArgumentNullException">An engine is null.</exception>
    public StructurePricer(VanillaOptionEngine europeanEngine, VanillaOptionEngine americanEngine)
    {
        _europeanPricer = new L2VanillaOptionPricer(europeanEngine);
        _americanPricer = new L2VanillaOptionPricer(americanEngine);
    }

    /// <summary>Prices a structure.</summary>
    /// <param name="structure">A validated structure (from <see cref="StructureBuilder"/>).</param>
    /// <param name="market">Spot, default vol, rate and carry.</param>
    /// <param name="l2">Trade terms on a chain, or <see langword="null"/> for no L2 adjustment. Its contracts are
    /// replaced by |structure quantity| (the size of the one transaction); its hedge notional, when null, is then
    /// |quantity| × spot.</param>
    /// <param name="grid">Spots for the payoff diagram, or <see langword="null"/> for <see cref="PayoffGrid.Default"/>.</param>
    /// <returns>Premium, Greeks, legs, payoff, extremes, break-evens, gas and the L2 quote.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="structure"/> or <paramref name="market"/> is null.</exception>
    public StructureResult Price(StructureDefinition structure, StructureMarket market, L2TradeTerms? l2 = null, PayoffGrid? grid = null)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(market);
        var terms = (l2 ?? NoChain) with { Contracts = Math.Abs(structure.Quantity) };

        var legs = ImmutableArray.CreateBuilder<StructureLegResult>(structure.Legs.Length);
        var payoffLegs = new List<StructurePayoffFunction.PayoffLeg>(structure.Legs.Length);
        double premium = 0.0;
        double netGamma = 0.0;
        double atWriterVols = 0.0; // Σ q·V(σ·sqrt(1 + Le))
        double atBuyerVols = 0.0;  // Σ q·V(σ·sqrt(max(0, 1 − Le)))
        bool floorHit = false;
        var greeks = default(Greeks);
        foreach (var leg in structure.Legs)
        {
            double quantity = structure.PositionQuantity(leg);
            double vol = leg.Volatility ?? market.Volatility;
            var pricer = leg.Style == OptionExerciseStyle.American ? _americanPricer : _europeanPricer;
            if (l2 is null)
            {
                // Without the L2 model a leg is a plain vanilla option: T = 0, σ = 0 and inputs its engine cannot price get the
                // exact limit, as POST /options/price gives them (issue 14 item 1).
                var limited = VanillaOptionLimits.PriceWith(
                    new VanillaOptionTerms(leg.Right, leg.Style, market.Spot, leg.Strike, leg.TenorYears, vol, market.Rate,
                        market.Carry.CostOfCarry, market.Carry.Convention),
                    pricer.Engine.Price, static v => v);
                var valuation = limited.Valuation;
                premium += quantity * valuation.Price;
                netGamma += quantity * valuation.Greeks.Gamma;
                greeks = Add(greeks, valuation.Greeks, quantity);
                legs.Add(new StructureLegResult(
                    leg, quantity, pricer.Engine.Id, vol, valuation.Price, quantity * valuation.Price + 0.0, valuation.Forward,
                    valuation.DiscountFactor, valuation.Greeks, null, limited.Limit));
            }
            else
            {
                var result = pricer.Price(new L2OptionInputs(
                    leg.Right, market.Spot, leg.Strike, leg.TenorYears, vol, market.Rate, market.Carry, terms));

                premium += quantity * result.Price;
                netGamma += quantity * result.Greeks.Gamma;
                atWriterVols += quantity * result.PriceAtAskVol;
                atBuyerVols += quantity * result.PriceAtBidVol;
                floorHit |= result.BidFloorHit;
                greeks = Add(greeks, result.Greeks, quantity);
                legs.Add(new StructureLegResult(
                    leg, quantity, result.EngineId, vol, result.Price, quantity * result.Price, result.Forward,
                    result.DiscountFactor, result.Greeks, result, result.Limit));
            }

            payoffLegs.Add(new(leg.Right == OptionRight.Call, leg.Strike, quantity, leg.TenorYears, vol, pricer.Engine));
        }

        double gasUsd = l2?.Chain.GasCostUsd ?? 0.0;
        var gas = new StructureGas(gasUsd, structure.Legs.Length * gasUsd, (structure.Legs.Length - 1) * gasUsd);
        StructureL2Quote? quote = null;
        if (l2 is not null)
        {
            quote = StructureL2Quote.FromSides(
                l2.Chain.Id, premium, atWriterVols, atBuyerVols, netGamma, floorHit, gasUsd, terms.SettlementDelayYears, market.Carry);
        }

        double firstExpiry = structure.FirstExpiryYears;
        var payoffFunction = new StructurePayoffFunction(payoffLegs, firstExpiry, market.Rate, market.Carry, premium);
        var payoffGrid = grid ?? PayoffGrid.Default(market.Spot, structure.Legs.Max(leg => leg.Strike));
        var (payoff, maxProfit, maxLoss, breakevens) = StructurePayoffAnalyzer.Analyze(payoffFunction, payoffGrid, market.Spot);

        return new StructureResult(
            structure.Name, structure.Quantity, premium, greeks, legs.MoveToImmutable(), firstExpiry,
            payoff, maxProfit, maxLoss, breakevens, gas, quote);
    }

    private static Greeks Add(Greeks sum, Greeks g, double q) => new(
        sum.Delta + q * g.Delta,
        sum.Gamma + q * g.Gamma,
        sum.Vega + q * g.Vega,
        sum.Theta + q * g.Theta,
        sum.Rho + q * g.Rho,
        sum.CarryRho + q * g.CarryRho,
        sum.Vanna + q * g.Vanna,
        sum.Volga + q * g.Volga,
        sum.Charm + q * g.Charm);
}
