using Analytics.Pricing.Batch;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Limits;

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
/// At T = 0, S = 0, K = 0 or σ = 0 (<see cref="VanillaOptionLimits.Of"/>) the engine is not called: V is the exact limit of
/// <see cref="VanillaOptionLimits.Price"/> (intrinsic value; a call on K = 0 is the discounted forward; the discounted intrinsic
/// value of the forward, or its best exercise time, at S = 0 and σ = 0), which does not depend on σ, so
/// V(σ_bid) = V(σ_ask) = V(σ) and bid = e^{−rδ}·V − gas, ask = e^{−rδ}·V + gas (issue 14 item 1). At T = 0 and K = 0 the
/// Leland number is reported as computed. At σ = 0 it is undefined (k/0), but Leland's adjusted variance
/// σ̂² = σ²(1 ± Le) = σ² ± σ·sqrt(2/π)·k/sqrt(Δt) tends to 0 with σ: the hedging cost vanishes, the bid and ask vols are σ = 0.
/// At S = 0 the underlying stays at 0 (0 is absorbing for geometric Brownian motion) and nothing is ever hedged. In both
/// cases Le (and k when the hedge notional contracts·S is 0) is reported as <see langword="null"/> and the bid and ask vols
/// as σ.
/// References: Leland, "Option Pricing and Replication with Transactions Costs", <i>J. Finance</i> 40(5), 1985;
/// Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §1.1.6 (generalised BSM).
/// </summary>
/// <remarks>Stateless and thread-safe; one instance per engine.</remarks>
public sealed class L2VanillaOptionPricer
{
    private readonly bool _usesBatchKernel;

    /// <summary>The shared instance over the registry's default European engine (<see cref="VanillaOptionEngine.BlackScholesMerton"/>).</summary>
    public static readonly L2VanillaOptionPricer Default = new(VanillaOptionEngine.DefaultFor(OptionExerciseStyle.European));

    /// <summary>Creates a pricer over an engine.</summary>
    /// <param name="engine">The engine that values the option at a given volatility.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public L2VanillaOptionPricer(VanillaOptionEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
        _usesBatchKernel = EngineRegistry.All.Any(
            d => ReferenceEquals(d.Vanilla, engine) && d.Has(EngineCapabilities.EuropeanBatchKernel));
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
        var plan = Plan.Of(inputs, Engine.Style);
        if (plan.Limit is { } limit)
        {
            var exact = VanillaOptionLimits.Price(limit);
            return Finish(inputs, plan, exact, exact.Price, exact.Price);
        }

        try
        {
            var mid = Engine.Price(inputs.ToBlackInputs(inputs.Volatility));
            double atAsk = plan.NeedsAskValue ? Engine.PresentValue(inputs.ToBlackInputs(plan.Leland!.Value.VolAsk)) : mid.Price;
            double atBid = plan.NeedsBidValue ? Engine.PresentValue(inputs.ToBlackInputs(plan.Leland!.Value.VolBid)) : mid.Price;
            return Finish(inputs, plan, mid, atAsk, atBid);
        }
        catch (Exception e) when (VanillaOptionLimits.IsRefusal(e))
        {
            // The engine refuses these inputs (a lattice that would need more than its steps): every value from the closed
            // forms and bounds the single price falls back to, at each vol, reported as extreme-inputs.
            var mid = VanillaOptionLimits.Extreme(inputs.ToTerms(Engine.Style));
            double atAsk = plan.NeedsAskValue ? VanillaOptionLimits.Extreme(inputs.ToTerms(Engine.Style, plan.Leland!.Value.VolAsk)).Price : mid.Price;
            double atBid = plan.NeedsBidValue ? VanillaOptionLimits.Extreme(inputs.ToTerms(Engine.Style, plan.Leland!.Value.VolBid)).Price : mid.Price;
            return Finish(inputs, plan, mid, atAsk, atBid, VanillaOptionLimit.ExtremeInputs);
        }
    }

    /// <summary>
    /// Prices many options, each exactly as <see cref="Price(L2OptionInputs)"/> prices it alone. When the engine is one
    /// the <see cref="EngineRegistry"/> declares <see cref="EngineCapabilities.EuropeanBatchKernel"/>, every value the
    /// model needs (the mid with Greeks and the prices at the Leland bid and ask vols) goes through one call of the SIMD
    /// <see cref="BlackVanillaBatchPricer"/>, which gives the scalar pricer's bits; other engines price one by one, and so do
    /// options at a limit (T = 0, S = 0, K = 0, σ = 0), which the kernel cannot take.
    /// </summary>
    /// <param name="inputs">Options, markets, carries and trade terms.</param>
    /// <returns>One result per input, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or one of its elements is null.</exception>
    public L2OptionResult[] Price(IReadOnlyList<L2OptionInputs> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var results = new L2OptionResult[inputs.Count];
        if (!_usesBatchKernel)
        {
            for (int i = 0; i < inputs.Count; i++)
            {
                results[i] = Price(inputs[i]);
            }

            return results;
        }

        // One kernel call over [mids of the options off the limits..., then the bid/ask-vol values the Leland spread needs];
        // options at a limit take the scalar path.
        var plans = new Plan[inputs.Count];
        var onKernel = new List<int>(inputs.Count);
        var black = new List<BlackVanillaOptionInputs>(3 * inputs.Count);
        for (int i = 0; i < inputs.Count; i++)
        {
            var option = inputs[i] ?? throw new ArgumentNullException(nameof(inputs), $"Element {i} is null.");
            plans[i] = Plan.Of(option, Engine.Style);
            if (plans[i].Limit is not null)
            {
                results[i] = Price(option);
                continue;
            }

            onKernel.Add(i);
            black.Add(option.ToBlackInputs(option.Volatility));
        }

        foreach (int i in onKernel)
        {
            if (plans[i].NeedsAskValue) black.Add(inputs[i].ToBlackInputs(plans[i].Leland!.Value.VolAsk));
            if (plans[i].NeedsBidValue) black.Add(inputs[i].ToBlackInputs(plans[i].Leland!.Value.VolBid));
        }

        if (onKernel.Count == 0)
        {
            return results;
        }

        var values = BlackVanillaBatchPricer.Default.Price(black);
        int next = onKernel.Count;
        for (int j = 0; j < onKernel.Count; j++)
        {
            int i = onKernel[j];
            var mid = VanillaOptionEngine.FromBlack(values[j]);
            double atAsk = plans[i].NeedsAskValue ? values[next++].Price : mid.Price;
            double atBid = plans[i].NeedsBidValue ? values[next++].Price : mid.Price;
            results[i] = Finish(inputs[i], plans[i], mid, atAsk, atBid);
        }

        return results;
    }

    /// <summary>
    /// Assembles the result from the engine's values: <paramref name="mid"/> at σ, and the present values at the
    /// Leland ask and bid vols (equal to the mid price where the vol does not move or the option is at a limit; ignored at a
    /// bid floor off the limits).
    /// </summary>
    private L2OptionResult Finish(
        L2OptionInputs inputs, Plan plan, VanillaOptionValuation mid, double valueAtAskVol, double valueAtBidVol,
        VanillaOptionLimit? engineRefused = null)
    {
        var terms = inputs.Terms;
        var leland = plan.Leland;
        double settlementFactor = plan.SettlementFactor;
        double price = settlementFactor * mid.Price;
        double atAsk = settlementFactor * valueAtAskVol;
        bool bidFloorHit = leland?.BidFloorHit ?? false;
        double atBid = bidFloorHit && plan.Limit is null
            ? settlementFactor * ZeroVolatilityValue.Value(
                Engine.Style, inputs.Right == OptionRight.Call, inputs.Spot, inputs.Strike, inputs.TenorYears, inputs.Rate, plan.Carry)
            : settlementFactor * valueAtBidVol;

        double gasPerContractUsd = terms.GasPerContractUsd;
        return new L2OptionResult(
            terms.Chain.Id,
            Engine.Id,
            price,
            Bid: atBid - gasPerContractUsd,
            Ask: atAsk + gasPerContractUsd,
            PriceAtBidVol: atBid,
            PriceAtAskVol: atAsk,
            Volatility: inputs.Volatility,
            leland?.VolBid ?? inputs.Volatility,
            leland?.VolAsk ?? inputs.Volatility,
            leland?.LelandNumber,
            plan.RoundTripCostRate,
            plan.HedgeNotionalUsd,
            plan.Carry,
            inputs.Carry.Source,
            Forward: inputs.Spot * Math.Exp(plan.Carry * inputs.TenorYears),
            DiscountFactor: Math.Exp(-inputs.Rate * (inputs.TenorYears + plan.DelayYears)),
            plan.DelayYears,
            gasPerContractUsd,
            bidFloorHit,
            Settle(mid.Greeks, settlementFactor, plan.DelayYears, price),
            mid.GreeksMethod,
            plan.Limit is { } limit ? VanillaOptionLimits.Of(limit) : engineRefused);
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

    /// <summary>What the L2 model decides before any engine value: settlement discounting, carry, round-trip cost and
    /// the Leland vols, which of the bid/ask-vol values the engine must supply (none at a limit), and the terms when the option
    /// is at a limit of <see cref="VanillaOptionLimits.Of"/> (T = 0, S = 0, K = 0, σ = 0), else null. At a limit, k is null when
    /// the hedge notional is 0 (S = 0 without <c>hedgeNotionalUsd</c>) and the Leland adjustment is null at S = 0 or σ = 0,
    /// where nothing is hedged or the hedging cost vanishes (see the class remarks).</summary>
    private readonly record struct Plan(
        double SettlementFactor, double DelayYears, double Carry, double HedgeNotionalUsd, double? RoundTripCostRate,
        LelandAdjustment? Leland, bool NeedsAskValue, bool NeedsBidValue, VanillaOptionTerms? Limit)
    {
        public static Plan Of(L2OptionInputs inputs, OptionExerciseStyle style)
        {
            var optionTerms = inputs.ToTerms(style);
            var limit = VanillaOptionLimits.Of(optionTerms) is null ? null : optionTerms;
            var terms = inputs.Terms;
            double sigma = inputs.Volatility;
            double delay = terms.SettlementDelayYears;
            double hedgeNotionalUsd = terms.HedgeNotionalFor(inputs.Spot);
            double? k = limit is null || hedgeNotionalUsd > 0.0
                ? LelandSpreadAdjuster.RoundTripCostRate(terms.TakerFeeRate, terms.Chain.GasCostUsd, hedgeNotionalUsd)
                : null;
            LelandAdjustment? leland = k is { } cost && (limit is null || (sigma > 0.0 && inputs.Spot > 0.0))
                ? LelandSpreadAdjuster.Adjust(sigma, cost, terms.RehedgeIntervalYears)
                : null;
            return new Plan(
                Math.Exp(-inputs.Rate * delay), // exactly 1 when δ = 0
                delay,
                inputs.Carry.CostOfCarry,
                hedgeNotionalUsd,
                k,
                leland,
                NeedsAskValue: limit is null && leland!.Value.VolAsk != sigma,
                NeedsBidValue: limit is null && !leland!.Value.BidFloorHit && leland.Value.VolBid != sigma,
                limit);
        }
    }
}
