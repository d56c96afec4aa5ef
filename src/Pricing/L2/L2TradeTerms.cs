using Analytics.Pricing.Market;

namespace Analytics.Pricing.L2;

/// <summary>
/// How an option is traded and hedged on a chain: the per-trade figures of the L2 cost-of-carry model
/// (PRODUCT.md §3.4 parts 2–4; API.md's <c>l2</c> block, with the profile overrides already applied to
/// <see cref="Chain"/>). Immutable; every property is validated on construction and in <c>with</c>
/// expressions, throwing <see cref="ArgumentOutOfRangeException"/> (programmer errors: the API validates requests).
/// </summary>
public sealed record L2TradeTerms
{
    /// <summary>Creates validated trade terms.</summary>
    /// <param name="chain">The chain's profile (gas cost ≥ 0 USD, withdrawal delay ≥ 0 hours), overrides applied.</param>
    /// <param name="settlement">Settle on L1 (wait the withdrawal delay) or on the L2 (no delay).</param>
    /// <param name="contracts">Contracts in the transaction, &gt; 0; fractional sizes are allowed (one contract = one
    /// unit of underlying), and the gas of the transaction is spread over them.</param>
    /// <param name="rehedgeIntervalHours">Time Δt between delta re-hedges, in hours, &gt; 0.</param>
    /// <param name="takerFeeRate">Proportional taker fee per hedge trade, decimal of notional (0.0005 = 5 bp), ≥ 0.</param>
    /// <param name="hedgeNotionalUsd">Notional of one re-hedge in USD, &gt; 0; <see langword="null"/> means contracts × spot.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range or not finite.</exception>
    public L2TradeTerms(
        ChainProfile chain,
        SettlementLayer settlement,
        double contracts,
        double rehedgeIntervalHours,
        double takerFeeRate,
        double? hedgeNotionalUsd = null)
    {
        Chain = chain;
        Settlement = settlement;
        Contracts = contracts;
        RehedgeIntervalHours = rehedgeIntervalHours;
        TakerFeeRate = takerFeeRate;
        HedgeNotionalUsd = hedgeNotionalUsd;
    }

    /// <summary>The chain's profile, with per-request overrides applied by the caller.</summary>
    public ChainProfile Chain { get; init => field = L2Guard.Chain(value, nameof(Chain)); }

    /// <summary>Settlement layer: <see cref="SettlementLayer.L1"/> waits the withdrawal delay, <see cref="SettlementLayer.L2"/> does not.</summary>
    public SettlementLayer Settlement { get; init => field = Guard.Defined(value, nameof(Settlement)); }

    /// <summary>Contracts in the one transaction, &gt; 0 (fractional allowed); one contract is one unit of underlying.</summary>
    public double Contracts { get; init => field = Guard.PositiveFinite(value, nameof(Contracts)); }

    /// <summary>Re-hedge interval Δt in hours, &gt; 0.</summary>
    public double RehedgeIntervalHours { get; init => field = Guard.PositiveFinite(value, nameof(RehedgeIntervalHours)); }

    /// <summary>Proportional taker fee per hedge trade, decimal of traded notional, ≥ 0.</summary>
    public double TakerFeeRate { get; init => field = L2Guard.NonNegativeFinite(value, nameof(TakerFeeRate)); }

    /// <summary>Notional of one re-hedge in USD, &gt; 0, or <see langword="null"/> for contracts × spot.</summary>
    public double? HedgeNotionalUsd
    {
        get;
        init => field = value is { } v ? Guard.PositiveFinite(v, nameof(HedgeNotionalUsd)) : null;
    }

    /// <summary>Settlement delay δ in years (Act/365F): the chain's withdrawal delay when settling on L1, else 0.</summary>
    public double SettlementDelayYears => Settlement == SettlementLayer.L1 ? Chain.WithdrawalDelayYears : 0.0;

    /// <summary>Gas of the transaction spread over its contracts, USD per contract (gasCostUsd / contracts).</summary>
    public double GasPerContractUsd => Chain.GasCostUsd / Contracts;

    /// <summary>Re-hedge interval Δt in years (hours / 8760).</summary>
    public double RehedgeIntervalYears => YearFraction.FromHours(RehedgeIntervalHours);

    /// <summary>
    /// The notional of one re-hedge in USD: <see cref="HedgeNotionalUsd"/> when given, else contracts × spot
    /// (PRODUCT.md §3.4 part 4).
    /// </summary>
    /// <param name="spot">Spot price of the underlying in USD, &gt; 0.</param>
    /// <returns>Hedge notional in USD, &gt; 0.</returns>
    public double HedgeNotionalFor(double spot) => HedgeNotionalUsd ?? Contracts * spot;

    /// <summary>
    /// Terms without any friction on the given chain: zero gas, zero withdrawal delay, settlement on the L2, one
    /// contract, zero taker fee and a one-hour re-hedge interval. Priced with <c>rates</c> carry these reproduce the
    /// plain Black-Scholes-Merton price exactly (PRODUCT.md §3.4, last paragraph).
    /// </summary>
    /// <param name="chain">The profile to start from (its gas and delay are set to zero).</param>
    /// <returns>Frictionless terms.</returns>
    public static L2TradeTerms Frictionless(ChainProfile chain) =>
        new(chain.WithOverrides(gasCostUsd: 0.0, withdrawalDelayHours: 0.0), SettlementLayer.L2, 1.0, 1.0, 0.0);
}
