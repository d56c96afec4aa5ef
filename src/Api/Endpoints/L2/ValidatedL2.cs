using Analytics.Api.Contracts.L2;
using Analytics.Pricing.L2;

namespace Analytics.Api.Endpoints.L2;

/// <summary>An <c>l2</c> block that passed validation: the chain with its overrides applied, and the trade's terms.</summary>
internal sealed record ValidatedL2(
    ChainProfile Chain,
    CarrySource CarrySource,
    SettlementLayer Settlement,
    double Contracts,
    double RehedgeIntervalHours,
    double TakerFeeRate,
    double? HedgeNotionalUsd,
    FundingSeries? Funding,
    ProfileOverrides Overrides,
    GasSource Gas = GasSource.Configured)
{
    /// <summary><paramref name="chain"/> with this request's profile overrides applied.</summary>
    public ChainProfile Overridden(ChainProfile chain) =>
        chain.WithOverrides(Overrides.GasCostUsd, Overrides.WithdrawalDelayHours, Overrides.LiquidationLatencySeconds);

    public L2TradeTerms TermsOn(ChainProfile chain) =>
        new(chain, Settlement, Contracts, RehedgeIntervalHours, TakerFeeRate, HedgeNotionalUsd);
}
