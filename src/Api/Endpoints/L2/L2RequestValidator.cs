using Analytics.Api.Contracts.L2;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Errors;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;

namespace Analytics.Api.Endpoints.L2;

/// <summary>Checks an <c>l2</c> block (field names prefixed <c>l2.</c>) against the configured chains.</summary>
internal static class L2RequestValidator
{
    /// <summary>The ids of the engines the L2 model wraps, in the registry's order.</summary>
    private static readonly string[] L2Engines =
        EngineRegistry.All.Where(e => e.Has(EngineCapabilities.L2Adjustments)).Select(e => e.Id).ToArray();

    /// <summary>Contracts in one transaction when not given (API.md's <c>l2</c> block).</summary>
    public const double DefaultContracts = 1;

    /// <summary>Fewest contracts a trade may have: the gas per contract (gas ÷ contracts) overflowed at 2.2e-308 (found by the fuzz suite).</summary>
    public const double MinimumContracts = 1e-6;

    /// <summary>Re-hedge interval in hours when not given (API.md's <c>l2</c> block).</summary>
    public const double DefaultRehedgeIntervalHours = 1;

    /// <summary>Taker fee rate when not given (API.md's <c>l2</c> block: <c>"takerFeeRate": 0.0</c>).</summary>
    public const double DefaultTakerFeeRate = 0;

    /// <summary>
    /// The trade terms of the L2 model with their ranges and defaults, for the <c>l2</c> block and the option chain's query
    /// alike: <c>contracts</c> in [1e-6, 1e9] (below a millionth of a contract the per-contract gas share overflows), <c>rehedgeIntervalHours</c> in (0, 8760], <c>takerFeeRate</c> in [0, 0.1]; each
    /// error names <paramref name="prefix"/> + the field. Where a value is missing or invalid its default stands in.
    /// </summary>
    public static (double Contracts, double RehedgeIntervalHours, double TakerFeeRate) TradeTerms(
        double? contracts, double? rehedgeIntervalHours, double? takerFeeRate, FieldErrors errors, string prefix) =>
    (
        errors.Range(prefix + "contracts", contracts, MinimumContracts, 1e9, "contracts") ?? DefaultContracts,
        errors.Range(prefix + "rehedgeIntervalHours", rehedgeIntervalHours, 0, 24 * 365, "hours", minExclusive: true) ?? DefaultRehedgeIntervalHours,
        errors.Range(prefix + "takerFeeRate", takerFeeRate, 0, 0.1, "decimal, 0.0005 = 5 bp") ?? DefaultTakerFeeRate
    );

    /// <summary>The validated block; null with errors. <paramref name="chainOverride"/> replaces <c>l2.chain</c> (/l2/compare).</summary>
    public static ValidatedL2? Validate(L2Request r, OptionPriceRequest option, ChainProfiles chains, FieldErrors errors, ChainProfile? chainOverride = null) =>
        Validate(r, option.CarryRate, option.Forward is not null, option.Engine, chains, errors, chainOverride);

    /// <summary>The same for any request with a carry: its explicit <paramref name="carryRate"/>, whether it prices a forward, its engine.</summary>
    public static ValidatedL2? Validate(
        L2Request r, double? carryRate, bool hasForward, PricingEngine? engine, ChainProfiles chains, FieldErrors errors, ChainProfile? chainOverride = null)
    {
        var chain = chainOverride;
        if (chainOverride is null)
        {
            if (string.IsNullOrWhiteSpace(r.Chain))
                errors.Add("l2.chain", $"is required: one of {string.Join(", ", chains.All.Select(c => c.Id))}.");
            else if ((chain = chains.Find(r.Chain)) is null)
                errors.Add("l2.chain", $"'{r.Chain}' is not a configured chain; configured: {string.Join(", ", chains.All.Select(c => c.Id))}.");
        }
        else if (r.Chain is not null)
        {
            errors.Add("l2.chain", "is not used here: every configured chain is priced.");
        }

        var gas = errors.Range("l2.gasCostUsd", r.GasCostUsd, 0, 10_000, "USD per transaction");
        // "observed" is resolved by the endpoint (ObservedGasResolver), after validation.
        if (r.Gas == GasSource.Observed && r.GasCostUsd is not null)
            errors.Add("l2.gas", "observed conflicts with gasCostUsd: drop one of them.");
        var delay = errors.Range("l2.withdrawalDelayHours", r.WithdrawalDelayHours, 0, 24 * 365, "hours");
        var latency = errors.Range("l2.liquidationLatencySeconds", r.LiquidationLatencySeconds, 0, 86_400, "seconds");
        var (contracts, rehedge, fee) = TradeTerms(r.Contracts, r.RehedgeIntervalHours, r.TakerFeeRate, errors, "l2.");
        var notional = errors.Range("l2.hedgeNotionalUsd", r.HedgeNotionalUsd, 0, 1e12, "USD", minExclusive: true);
        var lookback = errors.Range("l2.fundingLookbackHours", r.FundingLookbackHours, 0, 24 * 365, "hours", minExclusive: true) ?? 24;

        var source = r.CarrySource ?? (carryRate is null ? CarrySource.Rates : CarrySource.Explicit);
        FundingSeries? funding = null;
        switch (source)
        {
            case CarrySource.Rates when carryRate is not null:
                errors.Add("l2.carrySource", "is rates, but carryRate gives b explicitly: use carrySource explicit, or drop carryRate.");
                break;
            case CarrySource.Explicit when carryRate is null:
                errors.Add("carryRate", "is required with carrySource explicit (b, annualised decimal).");
                break;
            case CarrySource.Funding:
                if (hasForward) errors.Add("l2.carrySource", "funding carry needs spot: with forward there is no carry.");
                if (carryRate is not null) errors.Add("carryRate", "conflicts with carrySource funding: b comes from the funding rates.");
                if (string.IsNullOrWhiteSpace(r.FundingMarket)) errors.Add("l2.fundingMarket", "is required with carrySource funding, e.g. ETH-USDT.");
                if (string.IsNullOrWhiteSpace(r.FundingVenue)) errors.Add("l2.fundingVenue", "is required with carrySource funding, e.g. binance.");
                // Case-insensitive like every identifier: the stored forms are venue lower case, market upper case.
                funding = new FundingSeries(Identifiers.Venue(r.FundingVenue ?? ""), Identifiers.Market(r.FundingMarket ?? ""), lookback);
                break;
        }
        if (engine is { } selected && !EngineRegistry.Of(selected).Has(EngineCapabilities.L2Adjustments))
            errors.Add("engine", $"the l2 adjustments run on the service's own engines ({string.Join(", ", L2Engines)}).");

        if (!errors.IsEmpty || chain is not { } profile) return null;
        var overrides = new ProfileOverrides(gas, delay, latency);
        return new ValidatedL2(
            profile.WithOverrides(gas, delay, latency), source, r.Settlement ?? SettlementLayer.L2,
            contracts, rehedge, fee, notional, funding, overrides, r.Gas ?? GasSource.Configured);
    }
}
