namespace Analytics.Api.Contracts.L2;

/// <summary>Where proceeds settle: on the L2 itself, or on L1 after the chain's withdrawal delay.</summary>
public enum SettlementKind
{
    L2,
    L1,
}
