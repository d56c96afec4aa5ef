using Analytics.Api.Options;
using Analytics.Pricing.L2;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Endpoints.L2;

/// <summary>The configured chain profiles as the numerics' immutable <see cref="ChainProfile"/>s, Ethereum L1 first.</summary>
public sealed class ChainProfiles(IOptionsMonitor<ChainsOptions> options)
{
    public IReadOnlyList<ChainProfile> All => options.CurrentValue
        .Select(c => c.Value.ToProfile(c.Key))
        .OrderBy(p => p.Rollup != RollupKind.L1)
        .ThenBy(p => p.Id, StringComparer.Ordinal)
        .ToList();

    public ChainProfile? Find(string id) =>
        options.CurrentValue.TryGetValue(id, out var profile) ? profile.ToProfile(id) : null;
}
