using Analytics.Pricing.Engines;

namespace Analytics.Pricing.L2;

/// <summary>
/// Prices one vanilla option under the L2 cost-of-carry model of PRODUCT.md §3.4, on top of any vanilla engine:
/// <list type="number">
/// <item>carry: F = S·e^{bT} with b from <see cref="CarrySpecification"/>;</item>
/// <item>settlement delay δ (the withdrawal delay when settling on L1, else 0): only the discounting moves,
/// DF = e^{−r(T + δ)}, while the forward and σ√T stay on T. Every cash flow of the option, exercise proceeds
/// included, waits δ to reach L1, so the engine's value is multiplied by e^{−rδ} (exact for the European
/// formula, and the same rule for American exercise);</item>
/// <item>gas per contract = gasCostUsd / contracts, added to the ask and taken from the bid;</item>
/// <item>Leland (1985) hedging cost: σ_ask = σ·sqrt(1 + Le), σ_bid = σ·sqrt(max(0, 1 − Le)) with
/// Le = sqrt(2/π)·k/(σ·sqrt(Δt)), k = 2·(takerFeeRate + gasCostUsd / hedgeNotionalUsd) (see
/// <see cref="LelandSpreadAdjuster"/>); at σ_bid = 0 the bid is the discounted intrinsic value of the forward.</item>
/// </list>
/// bid = V(σ_bid) − gasPerContractUsd, ask = V(σ_ask) + gasPerContractUsd. With zero gas, fees and delay and
/// <c>rates</c> carry, bid = mid = ask = the engine's plain price, bit for bit.
/// References: Leland, "Option Pricing and Replication with Transactions Costs", <i>J. Finance</i> 40(5), 1985;
/// Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §1.1.6 (generalised BSM).
/// </summary>
/// <remarks>Stateless and thread-safe; one instance per engine.</remarks>
public sealed class L2VanillaOptionPricer
{
    /// <summary>The shared instance over the registry's default European engine (<see cref="VanillaOptionEngine.BlackScholesMerton"/>).</summary>
    public static readonly L2VanillaOptionPricer Default = new(VanillaOptionEngine.DefaultFor(OptionExerciseStyle.European));

    /// <summary>Creates a pricer over an engine.</summary>
    /// <param name="engine">The engine that values the option at a given volatility.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public L2VanillaOptionPricer(VanillaOptionEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    /// <summary>The engine that values the option.</summary>
    public VanillaOptionEngine Engine { get; }

    /// <summary>
    /// Mid, bid and ask with every L2 adjustment reported (PRODUCT.md §3.4 parts 1–4).
    /// </summary>
    /// <param name="inputs">Option, market, carry and trade terms.</param>
    /// <returns>The priced option, per contract, in USD.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public L2OptionResult Price(L2OptionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var terms = inputs.Terms;
        double sigma = inputs.Volatility;
        double delay = terms.SettlementDelayYears;
        double settlementFactor = Math.Exp(-inputs.Rate * delay); // exactly 1 when δ = 0
        double carry = inputs.Carry.CostOfCarry;

        var mid = Engine.Price(inputs.ToBlackInputs(sigma));
        double price = settlementFactor * mid.Price;

        double hedgeNotionalUsd = terms.HedgeNotionalFor(inputs.Spot);
        double k = LelandSpreadAdjuster.RoundTripCostRate(terms.TakerFeeRate, terms.Chain.GasCostUsd, hedgeNotionalUsd);
        var leland = LelandSpreadAdjuster.Adjust(sigma, k, terms.RehedgeIntervalYears);

        double atAsk = leland.VolAsk == sigma
            ? price
            : settlementFactor * Engine.PresentValue(inputs.ToBlackInputs(leland.VolAsk));
        double atBid;
        if (leland.BidFloorHit)
        {
            atBid = settlementFactor * ZeroVolatilityValue.Value(
                Engine.Style, inputs.Right == OptionRight.Call, inputs.Spot, inputs.Strike, inputs.TenorYears, inputs.Rate, carry);
        }
        else
        {
            atBid = leland.VolBid == sigma
                ? price
                : settlementFactor * Engine.PresentValue(inputs.ToBlackInputs(leland.VolBid));
        }

        double gasPerContractUsd = terms.GasPerContractUsd;
        return new L2OptionResult(
            terms.Chain.Id,
            Engine.Id,
            price,
            Bid: atBid - gasPerContractUsd,
            Ask: atAsk + gasPerContractUsd,
            PriceAtBidVol: atBid,
            PriceAtAskVol: atAsk,
            Volatility: sigma,
            leland.VolBid,
            leland.VolAsk,
            leland.LelandNumber,
            k,
            hedgeNotionalUsd,
            carry,
            inputs.Carry.Source,
            Forward: inputs.Spot * Math.Exp(carry * inputs.TenorYears),
            DiscountFactor: Math.Exp(-inputs.Rate * (inputs.TenorYears + delay)),
            delay,
            gasPerContractUsd,
            leland.BidFloorHit,
            Settle(mid.Greeks, settlementFactor, delay, price),
            mid.GreeksMethod);
    }

    /// <summary>
    /// The Greeks of e^{−rδ}·V: every Greek scales by e^{−rδ}; rho gains −δ·e^{−rδ}·V from the extra discounting
    /// (δ is a fixed delay, so theta and charm only scale).
    /// </summary>
    internal static Greeks Settle(Greeks greeks, double settlementFactor, double delayYears, double settledPrice)
    {
        if (settlementFactor == 1.0 && delayYears == 0.0)
        {
            return greeks;
        }

        double f = settlementFactor;
        return new Greeks(
            f * greeks.Delta,
            f * greeks.Gamma,
            f * greeks.Vega,
            f * greeks.Theta,
            f * greeks.Rho - delayYears * settledPrice,
            f * greeks.CarryRho,
            f * greeks.Vanna,
            f * greeks.Volga,
            f * greeks.Charm);
    }
}
