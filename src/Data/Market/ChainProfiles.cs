using Analytics.Pricing.L2;
using Microsoft.Extensions.Options;

namespace Analytics.Data.Market;

/// <summary>
/// The configured chain (blockchain) profiles as the numerics' immutable <see cref="ChainProfile"/>s, Ethereum L1 first.
/// A singleton that follows configuration reloads; usable from the API and from jobs.
/// </summary>
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
