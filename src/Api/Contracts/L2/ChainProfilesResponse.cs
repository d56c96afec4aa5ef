using System.ComponentModel;

namespace Analytics.Api.Contracts.L2;

/// <summary>The configured chain profiles.</summary>
public sealed record ChainProfilesResponse([property: Description("One entry per configured chain, Ethereum L1 first.")] IReadOnlyList<ChainProfileResponse> Chains);
