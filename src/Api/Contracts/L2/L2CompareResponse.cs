using System.ComponentModel;

namespace Analytics.Api.Contracts.L2;

/// <summary>One option priced on every configured chain.</summary>
public sealed record L2CompareResponse([property: Description("One entry per configured chain, Ethereum L1 first.")] IReadOnlyList<L2ChainQuoteResponse> Results);
